import type { LocalizedText } from '../i18n/localized-text';
import { api } from './http';
import type { ListFilter } from './cases';

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
    title: LocalizedText;
    running: number;
    completed: number;
    steps: Array<{ step: string; label: LocalizedText; running: number }>;
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

/** A process as the monitor shows it: its title, steps and outcomes with their labels. */
export interface ProcessInfo {
  processId: string;
  title: LocalizedText;
  steps: Array<{ id: string; kind: string; label: LocalizedText }>;
  outcomes: Array<{ id: string; label: LocalizedText }>;
}

export interface CaseView {
  caseId: string;
  caseRef: string;
  processId: string;
  processVersion: number;
  processTitle: LocalizedText;
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
    nodes: Array<{ id: string; kind: string; label: LocalizedText }>;
    edges: Array<{ source: string; target: string; label: LocalizedText | null }>;
  };
  path: string[];
  expectedEvents: Array<{ name: string; label: LocalizedText; payloadSchema: JsonSchema }>;
  timeline: Array<{ at: string; type: string; nodeId: string | null; text: LocalizedText }>;
  decisions: Array<{
    nodeId: string;
    at: string;
    ruleSetKind: string;
    ruleSetId: string;
    ruleSetVersion: number;
    peildatum: string;
    branch: string | null;
    next: string;
    explanation: LocalizedText;
  }>;
  children: Array<{ caseId: string; processId: string; status: string; outcome: string | null }>;
  parentCaseId: string | null;
  canAct: boolean;
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

/** The monitor's own reads (server/routes/monitor.ts); the cases themselves are in ./cases. */
export const monitor = {
  summary: () => api<MonitorSummary>('GET', '/api/v1/monitor/summary'),
  processes: () => api<{ items: ProcessInfo[] }>('GET', '/api/v1/monitor/processes').then((r) => r.items),
  caseView: (caseId: string) => api<CaseView>('GET', `/api/v1/monitor/cases/${encodeURIComponent(caseId)}`),
  savedFilters: () => api<{ items: SavedFilter[] }>('GET', '/api/v1/monitor/saved-filters').then((r) => r.items),
  saveFilter: (name: string, filter: ListFilter, columns: string[]) =>
    api<SavedFilter>('POST', '/api/v1/monitor/saved-filters', { name, filter, columns }),
  deleteFilter: (id: string) => api('DELETE', `/api/v1/monitor/saved-filters/${encodeURIComponent(id)}`),
};
