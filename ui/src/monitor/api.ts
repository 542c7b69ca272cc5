import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import { api } from '../api/http';

export type Text = { nl: string; en: string };

export interface CaseRow {
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

export interface ListFilter {
  processId?: string;
  step?: string;
  status?: string;
  outcome?: string;
  deadlineWindow?: '7d' | '30d';
  overdue?: boolean;
}

export interface TaakstellingPeriod {
  municipality: string;
  halfYear: string;
  target: number | null;
  backlog: number;
  surplus: number;
  carryOver: 'entered' | 'computed' | 'none';
  effectiveTarget: number | null;
  realised: number;
  remaining: number | null;
  next: { backlog: number; surplus: number } | null;
}

export interface MonitorSummary {
  generatedAt: string;
  processes: Array<{
    processId: string;
    title: Text;
    running: number;
    completed: number;
    steps: Array<{ step: string; label: Text; running: number }>;
  }>;
  deadlines: { overdue: number; next7Days: number; next30Days: number };
  hotelStays: { total: number; sampled: number; paidMonths: number; byMonth: Array<{ month: number; count: number }> };
  harEnding: {
    running: number;
    sampled: number;
    windowDays: number;
    endingSoon: number;
    soonest: Array<{ caseId: string; caseRef: string; endsAt: string }>;
  };
  taakstelling: {
    currentHalfYear: string;
    previousHalfYear: string;
    current: TaakstellingPeriod[];
    previous: TaakstellingPeriod[];
  };
  koppelingToHome: {
    normWeeks: number;
    cases: number;
    averageWeeks: number | null;
    withinNorm: number;
    distribution: Array<{ weeks: number; count: number }>;
  };
}

export interface ProcessInfo {
  processId: string;
  title: Text;
  steps: Array<{ id: string; kind: string; label: Text }>;
  outcomes: Array<{ id: string; label: Text }>;
}

export interface CaseView {
  caseId: string;
  caseRef: string;
  processId: string;
  processVersion: number;
  processTitle: Text;
  status: string;
  currentStep: string | null;
  outcome: string | null;
  caseStatus: string | null;
  dates: Record<string, string>;
  deadlines: Array<{
    id: string;
    kind: 'reminder' | 'timeout' | 'case';
    nodeId: string;
    label: string;
    at: string;
    status: string;
  }>;
  graph: {
    start: string;
    nodes: Array<{ id: string; kind: string; label: Text }>;
    edges: Array<{ source: string; target: string; label: Text | null }>;
  };
  path: string[];
  expectedEvents: Array<{ name: string; label: Text; payloadSchema: JsonSchema }>;
  timeline: Array<{ at: string; type: string; nodeId: string | null; text: Text }>;
  decisions: Array<{
    nodeId: string;
    at: string;
    ruleSetKind: string;
    ruleSetId: string;
    ruleSetVersion: number;
    peildatum: string;
    branch: string | null;
    next: string;
    explanation: Text;
  }>;
  children: Array<{ caseId: string; processId: string; status: string; outcome: string | null }>;
  parentCaseId: string | null;
  canAct: boolean;
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

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  items?: JsonSchema;
}

export interface SavedFilter {
  id: string;
  name: string;
  filter: ListFilter;
  columns: string[] | null;
  createdAt: string;
  updatedAt: string;
}
export interface QuotaTarget {
  municipality: string;
  halfYear: string;
  target: number;
  backlog: number | null;
  surplus: number | null;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type DigestDelivery = { channel: 'webhook'; url: string } | { channel: 'email'; to: string };
export interface AlertConfig {
  tenantId: string;
  enabled: boolean;
  daysAhead: number;
  schedule: { hour: number; minute: number; daysOfWeek: Weekday[]; timezone: 'Europe/Amsterdam' };
  delivery: DigestDelivery;
  scheduleId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface AlertConfigInput {
  enabled: boolean;
  daysAhead: number;
  schedule: { hour: number; minute: number; daysOfWeek: Weekday[] };
  delivery: { channel: 'webhook' | 'email'; url?: string; to?: string };
  reason?: string;
}
export interface DigestLogEntry {
  id: string;
  trigger: 'schedule' | 'manual';
  channel: string;
  target: string;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  caseCount: number;
  deadlineCount: number;
  windowFrom: string | null;
  windowTo: string | null;
  statusCode: number | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
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

export const monitorApi = {
  summary: () => api<MonitorSummary>('GET', '/api/v1/monitor/summary'),
  processes: () => api<{ items: ProcessInfo[] }>('GET', '/api/v1/monitor/processes').then((r) => r.items),
  cases: (filter: ListFilter, limit: number, cursor?: string) =>
    api<{ cases: CaseRow[]; nextCursor: string | null }>('GET', `/api/v1/cases?${casesQuery(filter, limit, cursor)}`),
  caseView: (caseId: string) => api<CaseView>('GET', `/api/v1/monitor/cases/${encodeURIComponent(caseId)}`),
  sendEvent: (caseId: string, name: string, payload: Record<string, unknown>) =>
    api<{ currentStep: string | null }>('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/events`, {
      name,
      payload,
    }),
  cancel: (caseId: string, reason: string) =>
    api('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/cancel`, { reason }),
  caseState: (caseId: string) => api<CaseStateView>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}`),
  /** The definition version a case runs (the store's version number is the case's processVersion). */
  definition: (processId: string, version: number) =>
    api<{ content?: ProcessDefinition }>(
      'GET',
      `/api/v1/definitions/${encodeURIComponent(processId)}/versions/${version}`,
    ).then((r) => r.content ?? null),
  confirmDecision: (caseId: string, nodeId: string, branch: string | null, reason?: string) =>
    api<{ accepted: boolean; currentStep: string | null; status: string; decision: DecisionRecordView | null }>(
      'POST',
      `/api/v1/cases/${encodeURIComponent(caseId)}/decisions/${encodeURIComponent(nodeId)}/confirm`,
      { branch, ...(reason ? { reason } : {}) },
    ),
  supplyFacts: (caseId: string, nodeId: string, facts: Record<string, unknown>) =>
    api<{ currentStep: string | null }>(
      'POST',
      `/api/v1/cases/${encodeURIComponent(caseId)}/decisions/${encodeURIComponent(nodeId)}/facts`,
      { facts },
    ),
  savedFilters: () => api<{ items: SavedFilter[] }>('GET', '/api/v1/monitor/saved-filters').then((r) => r.items),
  saveFilter: (name: string, filter: ListFilter, columns: string[]) =>
    api<SavedFilter>('POST', '/api/v1/monitor/saved-filters', { name, filter, columns }),
  deleteFilter: (id: string) => api('DELETE', `/api/v1/monitor/saved-filters/${id}`),
  targets: () => api<{ items: QuotaTarget[] }>('GET', '/api/v1/quota/targets').then((r) => r.items),
  setTarget: (
    municipality: string,
    halfYear: string,
    body: { target: number; backlog: number | null; surplus: number | null; reason?: string },
  ) => api<QuotaTarget>('PUT', `/api/v1/quota/targets/${municipality}/${halfYear}`, body),
  importTargets: (csv: string, reason?: string) =>
    api<{ imported: number }>('POST', '/api/v1/quota/targets/import', { csv, ...(reason ? { reason } : {}) }),
  alertConfig: () => api<AlertConfig>('GET', '/api/v1/alerts/deadline-digest'),
  saveAlertConfig: (body: AlertConfigInput) =>
    api<{ config: AlertConfig; secret?: string }>('PUT', '/api/v1/alerts/deadline-digest', body),
  rotateAlertSecret: () =>
    api<{ config: AlertConfig; secret?: string }>('POST', '/api/v1/alerts/deadline-digest/rotate-secret', {}),
  sendDigestNow: () =>
    api<{ digestId: string; entry: DigestLogEntry | null }>('POST', '/api/v1/alerts/deadline-digest/send-now', {}),
  digests: () => api<{ items: DigestLogEntry[] }>('GET', '/api/v1/alerts/digests?limit=50').then((r) => r.items),
};

/** Where the besluit (PDF) of a confirmed decision is downloaded; the session cookie authorises it. */
export const besluitUrl = (caseId: string, besluitId: string): string =>
  `/api/v1/cases/${encodeURIComponent(caseId)}/besluiten/${encodeURIComponent(besluitId)}`;
