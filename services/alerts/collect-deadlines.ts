import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { CaseState } from '../../workflows/case-state';
import { caseStateQuery } from '../../workflows/messages';
import { SA_NEXT_DEADLINE, SA_PROCESS, SA_STEP } from '../../workflows/search-attributes';
import { visibilityQuery } from '../cases/case-query';
import { deadlinesInWindow, type DigestEntry } from './digest';

export interface CollectDeps {
  client: Client;
  namespace: string;
  /** At most this many cases per digest (default 2000): a digest stays a digest. */
  maxCases?: number;
  /** Case-state queries in flight at once (default 8). */
  concurrency?: number;
}

export interface Collected {
  entries: DigestEntry[];
  truncated: boolean;
}

interface Candidate {
  caseId: string;
  processId: string;
  step: string;
  nextDeadline: Date | undefined;
}

/**
 * The deadlines of a municipality's running cases that pass in [from, to). Visibility finds
 * the candidates by DoorstroomNextDeadline (the earliest pending one, so an overdue case may
 * still have a later deadline in the window); each candidate's state query gives every pending
 * deadline with its kind and label. A case whose state cannot be read is listed by its search
 * attribute alone, kind and label unknown, rather than left out.
 */
export async function collectDeadlines(deps: CollectDeps, tenant: string, from: Date, to: Date): Promise<Collected> {
  const maxCases = deps.maxCases ?? 2000;
  const query = visibilityQuery(tenant, { status: 'running', deadlineBefore: to.toISOString() }, from);
  const candidates: Candidate[] = [];
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
      if (candidates.length >= maxCases) {
        truncated = true;
        break;
      }
      const sa = decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields);
      candidates.push({
        caseId: wf.execution?.workflowId ?? '',
        processId: sa.get(SA_PROCESS) ?? '',
        step: sa.get(SA_STEP) ?? '',
        nextDeadline: sa.get(SA_NEXT_DEADLINE),
      });
    }
    token = page.nextPageToken && page.nextPageToken.length > 0 ? page.nextPageToken : undefined;
  } while (token && !truncated);

  const entries: DigestEntry[] = [];
  await forEachLimited(candidates, deps.concurrency ?? 8, async (c) => {
    let state: CaseState | undefined;
    try {
      state = await deps.client.workflow.getHandle(c.caseId).query(caseStateQuery);
    } catch {
      state = undefined;
    }
    if (state) {
      for (const d of deadlinesInWindow(state.deadlines, from, to)) {
        entries.push({
          caseId: c.caseId,
          processId: c.processId,
          step: state.currentStep ?? c.step,
          deadline: { id: d.id, kind: d.kind, label: d.label, at: d.at },
        });
      }
    } else if (c.nextDeadline && c.nextDeadline >= from && c.nextDeadline < to) {
      entries.push({
        caseId: c.caseId,
        processId: c.processId,
        step: c.step,
        deadline: { id: 'next', kind: null, label: null, at: c.nextDeadline.toISOString() },
      });
    }
  });
  return { entries, truncated };
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
