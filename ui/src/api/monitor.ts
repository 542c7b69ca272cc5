import type {
  CaseView as MonitorCaseView,
  MonitorSummary,
  ProcessCatalog,
  SavedFilter,
  SavedFilterList,
} from '../../../contract/monitor';
import type { TaakstellingPeriod } from '../../../contract/quota';
import { api } from './http';
import type { ListFilter } from './cases';

export type { MonitorSummary, TaakstellingPeriod };

/** A process as the monitor shows it: its title, steps and outcomes with their labels. */
export type ProcessInfo = ProcessCatalog['items'][number];

/** A case as the monitor shows it; its events' payload schemas typed as the JSON Schema the event form reads. */
export type CaseView = Omit<MonitorCaseView, 'expectedEvents'> & {
  expectedEvents: Array<
    Omit<MonitorCaseView['expectedEvents'][number], 'payloadSchema'> & { payloadSchema: JsonSchema }
  >;
};

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

export type { SavedFilter };

/** The monitor's own reads (server/routes/monitor.ts); the cases themselves are in ./cases. */
export const monitor = {
  summary: () => api<MonitorSummary>('GET', '/api/v1/monitor/summary'),
  processes: () => api<ProcessCatalog>('GET', '/api/v1/monitor/processes').then((r) => r.items),
  caseView: (caseId: string) => api<CaseView>('GET', `/api/v1/monitor/cases/${encodeURIComponent(caseId)}`),
  savedFilters: () => api<SavedFilterList>('GET', '/api/v1/monitor/saved-filters').then((r) => r.items),
  saveFilter: (name: string, filter: ListFilter, columns: string[]) =>
    api<SavedFilter>('POST', '/api/v1/monitor/saved-filters', { name, filter, columns }),
  deleteFilter: (id: string) => api('DELETE', `/api/v1/monitor/saved-filters/${encodeURIComponent(id)}`),
};
