import type {
  CaseCancelled,
  CaseList,
  CaseSort,
  CaseStateResponse,
  CaseSummary,
  DecisionChoice,
  DecisionRecord,
  EventResult,
  HistoryEntry,
  PendingDecision,
} from '../../../contract/cases';
import type { DecisionConfirmed, FactsSupplied } from '../../../contract/case-decisions';
import { api } from './http';

/** A case as the cases list returns it (Temporal visibility: no personal data); the API's types are the contract's. */
export type { CaseSort, CaseSummary, DecisionChoice };

/** The case list's filter; a deadline window becomes deadlineAfter/Before from now. */
export interface ListFilter {
  processId?: string;
  step?: string;
  status?: string;
  outcome?: string;
  deadlineWindow?: '7d' | '30d';
  overdue?: boolean;
}

/** The case state's decision record (workflows/case-state.ts), as GET /api/v1/cases/{caseId} returns it. */
export type DecisionRecordView = DecisionRecord;

export type PendingDecisionView = PendingDecision;

export type HistoryEntryView = HistoryEntry;

/** The case state as GET /api/v1/cases/{caseId} returns it; the case page reads it beside the monitor's view. */
export type CaseStateView = CaseStateResponse;

const DAY = 86_400_000;

/** The cases API's query for a monitor filter: a deadline window becomes deadlineAfter/Before from now. */
export function casesQuery(filter: ListFilter, limit: number, cursor?: string, sort?: CaseSort): string {
  const q = new URLSearchParams();
  if (filter.processId) q.set('processId', filter.processId);
  if (filter.step) q.set('step', filter.step);
  if (filter.status) q.set('status', filter.status);
  if (filter.outcome) q.set('outcome', filter.outcome);
  if (filter.overdue) q.set('overdue', 'true');
  if (filter.deadlineWindow) {
    const now = Date.now();
    q.set('deadlineAfter', new Date(now).toISOString());
    q.set('deadlineBefore', new Date(now + (filter.deadlineWindow === '7d' ? 7 : 30) * DAY).toISOString());
  }
  if (sort) q.set('sort', sort);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

const one = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const cases = {
  /** One page; with `sort`, the server orders the whole list (a page is never re-sorted here). */
  list: (filter: ListFilter, limit: number, cursor?: string, sort?: CaseSort) =>
    api<CaseList>('GET', `/api/v1/cases?${casesQuery(filter, limit, cursor, sort)}`),
  state: (caseId: string) => api<CaseStateView>('GET', one(caseId)),
  sendEvent: (caseId: string, name: string, payload: Record<string, unknown>) =>
    api<EventResult>('POST', `${one(caseId)}/events`, { name, payload }),
  cancel: (caseId: string, reason: string) => api<CaseCancelled>('POST', `${one(caseId)}/cancel`, { reason }),
  confirmDecision: (caseId: string, nodeId: string, branch: string | null, reason?: string) =>
    api<DecisionConfirmed>('POST', `${one(caseId)}/decisions/${encodeURIComponent(nodeId)}/confirm`, {
      branch,
      ...(reason ? { reason } : {}),
    }),
  supplyFacts: (caseId: string, nodeId: string, facts: Record<string, unknown>) =>
    api<FactsSupplied>('POST', `${one(caseId)}/decisions/${encodeURIComponent(nodeId)}/facts`, {
      facts,
    }),
};

/** Where the besluit (PDF) of a confirmed decision is downloaded; the session cookie authorises it. */
export const besluitUrl = (caseId: string, besluitId: string): string =>
  `${one(caseId)}/besluiten/${encodeURIComponent(besluitId)}`;
