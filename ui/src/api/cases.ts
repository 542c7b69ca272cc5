import { api } from './http';

export interface CaseSummary {
  caseId: string;
  processId: string;
  caseRef: string;
  step: string;
  status: string;
  outcome?: string;
  startedAt: string;
  closedAt?: string;
}

export const fetchCases = () => api<{ cases: CaseSummary[] }>('GET', '/api/v1/cases?limit=200').then((r) => r.cases);
