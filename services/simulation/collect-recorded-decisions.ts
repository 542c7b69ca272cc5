import type { Client } from '@temporalio/client';
import type { CaseState } from '../../workflows/case-state';
import { caseStateQuery } from '../../workflows/messages';
import { SA_TENANT } from '../../workflows/search-attributes';
import type { RecordedDecision } from './compare-decisions';

export interface CollectDecisionsDeps {
  client: Client;
  namespace: string;
  /** At most this many cases are read (default 2000): a simulation stays a request, not a batch job. */
  maxCases?: number;
  /** Case-state queries in flight at once (default 8). */
  concurrency?: number;
  /** Closed cases count as recent for this many days (default 180). */
  recentDays?: number;
}

export interface CollectedDecisions {
  decisions: RecordedDecision[];
  /** More cases matched than were read. */
  truncated: boolean;
}

/**
 * The municipality's real decisions of one rule-set kind: of its running cases and the ones that
 * closed recently, the latest complete decision record per decision step (facts, peildatum,
 * advice, and what the person decided). Read through each case's state query.
 */
export async function collectRecordedDecisions(
  deps: CollectDecisionsDeps,
  tenant: string,
  kind: string,
  now: Date,
): Promise<CollectedDecisions> {
  const maxCases = deps.maxCases ?? 2000;
  const since = new Date(now.getTime() - (deps.recentDays ?? 180) * 86_400_000).toISOString();
  const query = `${SA_TENANT.name} = '${tenant.replace(/'/g, '')}' AND WorkflowType = 'processInterpreter' AND (ExecutionStatus = 'Running' OR CloseTime > '${since}')`;
  const ids: string[] = [];
  let token: Uint8Array | undefined;
  let truncated = false;
  do {
    const page = await deps.client.workflowService.listWorkflowExecutions({
      namespace: deps.namespace,
      query,
      pageSize: 200,
      nextPageToken: token,
    });
    for (const wf of page.executions ?? []) {
      if (ids.length >= maxCases) {
        truncated = true;
        break;
      }
      if (wf.execution?.workflowId) ids.push(wf.execution.workflowId);
    }
    token = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (token && !truncated);

  const decisions: RecordedDecision[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++] as string;
      let state: CaseState | undefined;
      try {
        state = await deps.client.workflow.getHandle(id).query(caseStateQuery);
      } catch {
        continue; // A case whose state cannot be read is left out; the count of compared cases says so.
      }
      const latest = new Map<string, RecordedDecision>();
      for (const record of state.decisions) {
        if (record.ruleSetKind !== kind || record.status === 'incomplete') continue;
        latest.set(record.nodeId, { caseId: state.caseId, caseRef: state.caseRef, record });
      }
      decisions.push(...latest.values());
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, ids.length) }, worker));
  decisions.sort((a, b) => a.caseRef.localeCompare(b.caseRef) || a.record.nodeId.localeCompare(b.record.nodeId));
  return { decisions, truncated };
}
