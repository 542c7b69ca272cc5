import { api } from './http';

/** A case as the cases list returns it (Temporal visibility: no personal data). */
export interface CaseSummary {
  caseId: string;
  processId: string;
  caseRef: string;
  step: string;
  status: string;
  outcome?: string;
  nextDeadline?: string;
  startedAt: string;
  closedAt?: string;
}

/** The case list's filter; a deadline window becomes deadlineAfter/Before from now. */
export interface ListFilter {
  processId?: string;
  step?: string;
  status?: string;
  outcome?: string;
  deadlineWindow?: '7d' | '30d';
  overdue?: boolean;
}

/** A decision's outcome: the branch (event type; null: the default branch) and the step it leads to. */
export interface DecisionChoice {
  branch: string | null;
  next: string;
}

/** The case state's decision record (workflows/case-state.ts), as GET /api/v1/cases/{caseId} returns it. */
export interface DecisionRecordView {
  nodeId: string;
  at: string;
  ruleSetKind: string;
  ruleSetId: string;
  ruleSetVersion: number;
  peildatum: string;
  facts: Record<string, unknown>;
  explanation: unknown;
  branch: string | null;
  next: string;
  status?: 'proposed' | 'incomplete' | 'confirmed' | 'automatic';
  proposal?: DecisionChoice;
  missingFacts?: string[];
  confirmation?: {
    by: { userId: string; username: string; displayName?: string };
    at: string;
    branch: string | null;
    next: string;
    deviated: boolean;
    reason?: string;
  };
  besluit?: { id: string; sha256: string; createdAt: string };
}

export interface PendingDecisionView {
  nodeId: string;
  phase: 'facts' | 'confirmation';
  event: string;
  missingFacts?: string[];
  proposal?: DecisionChoice;
  options?: DecisionChoice[];
  since: string;
}

export interface HistoryEntryView {
  at: string;
  type: string;
  nodeId?: string;
  event?: string;
  detail?: string;
}

/** The parts of the case state the case page reads beside the monitor's view. */
export interface CaseStateView {
  caseId: string;
  processId: string;
  processVersion: number;
  status: string;
  currentStep: string | null;
  outcome?: string;
  dates: Record<string, string>;
  variables: Record<string, unknown>;
  history: HistoryEntryView[];
  decisions: DecisionRecordView[];
  pendingDecision?: PendingDecisionView;
}

const DAY = 86_400_000;

/** The cases API's query for a monitor filter: a deadline window becomes deadlineAfter/Before from now. */
export function casesQuery(filter: ListFilter, limit: number, cursor?: string): string {
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
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

const one = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export const cases = {
  list: (filter: ListFilter, limit: number, cursor?: string) =>
    api<{ cases: CaseSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/cases?${casesQuery(filter, limit, cursor)}`,
    ),
  state: (caseId: string) => api<CaseStateView>('GET', one(caseId)),
  sendEvent: (caseId: string, name: string, payload: Record<string, unknown>) =>
    api<{ currentStep: string | null }>('POST', `${one(caseId)}/events`, { name, payload }),
  cancel: (caseId: string, reason: string) => api('POST', `${one(caseId)}/cancel`, { reason }),
  confirmDecision: (caseId: string, nodeId: string, branch: string | null, reason?: string) =>
    api<{ accepted: boolean; currentStep: string | null; status: string; decision: DecisionRecordView | null }>(
      'POST',
      `${one(caseId)}/decisions/${encodeURIComponent(nodeId)}/confirm`,
      { branch, ...(reason ? { reason } : {}) },
    ),
  supplyFacts: (caseId: string, nodeId: string, facts: Record<string, unknown>) =>
    api<{ currentStep: string | null }>('POST', `${one(caseId)}/decisions/${encodeURIComponent(nodeId)}/facts`, {
      facts,
    }),
};

/** Where the besluit (PDF) of a confirmed decision is downloaded; the session cookie authorises it. */
export const besluitUrl = (caseId: string, besluitId: string): string =>
  `${one(caseId)}/besluiten/${encodeURIComponent(besluitId)}`;
