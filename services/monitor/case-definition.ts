import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type PayloadCodec } from '@temporalio/common';
import type { CaseInput } from '../../workflows/case-state';
import { withEventsInline } from '../../workflows/dsl/inline-declarations';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { upgradeDefinition } from '../../workflows/dsl/upgrade-definition';

export interface DefinitionLoaderDeps {
  client: Client;
  namespace: string;
  codec: PayloadCodec;
}

/**
 * The definition snapshot a case runs (its start input, possibly of a continued run), read
 * from the first event of its history: a running case keeps its own version, which may
 * differ from the one published today. Cached per case: the snapshot never changes.
 */
export function createCaseDefinitionLoader(deps: DefinitionLoaderDeps, maxEntries = 500) {
  const cache = new Map<string, ProcessDefinition>();
  return async function load(caseId: string): Promise<ProcessDefinition | undefined> {
    const hit = cache.get(caseId);
    if (hit) return hit;
    const res = await deps.client.workflowService.getWorkflowExecutionHistory({
      namespace: deps.namespace,
      execution: { workflowId: caseId },
      maximumPageSize: 1,
    });
    const payloads = res.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads;
    if (!payloads?.length) return undefined;
    const [decoded] = await deps.codec.decode(payloads);
    const input = decoded ? defaultPayloadConverter.fromPayload<CaseInput>(decoded) : undefined;
    if (!input?.definition) return undefined;
    // Snapshots of cases started before format version 2 are version 1; events get their declared
    // label and payload schema on the step, where the case view reads them.
    const definition = withEventsInline(upgradeDefinition(input.definition));
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(caseId, definition);
    return definition;
  };
}
