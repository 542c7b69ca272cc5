import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { builtInDefinitions } from '../../workflows/definitions';

/** Where the published process definitions of a municipality come from. */
export interface DefinitionSource {
  get(tenant: string, processId: string): Promise<ProcessDefinition | undefined>;
  list(tenant: string): Promise<ProcessDefinition[]>;
}

/** The built-in definitions for every tenant (until a municipality publishes its own versions). */
export const builtInDefinitionSource: DefinitionSource = {
  get: (_tenant, processId) => Promise.resolve(builtInDefinitions.get(processId)),
  list: () => Promise.resolve([...builtInDefinitions.values()]),
};
