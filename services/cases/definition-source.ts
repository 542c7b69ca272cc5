import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { builtInDefinitions } from '../../workflows/definitions';

/** Where the published process definitions of a municipality come from. */
export interface DefinitionSource {
  get(tenant: string, processId: string): Promise<ProcessDefinition | undefined>;
  list(tenant: string): Promise<ProcessDefinition[]>;
  /** One version as published, also a retired one: what a case of that version runs (the case list's step labels). */
  version?(tenant: string, processId: string, version: number): Promise<ProcessDefinition | undefined>;
}

/** The built-in definitions for every tenant (until a municipality publishes its own versions). */
export const builtInDefinitionSource: DefinitionSource = {
  get: (_tenant, processId) => Promise.resolve(builtInDefinitions.get(processId)),
  list: () => Promise.resolve([...builtInDefinitions.values()]),
  version: (_tenant, processId, version) => {
    const d = builtInDefinitions.get(processId);
    return Promise.resolve(d?.version === version ? d : undefined);
  },
};
