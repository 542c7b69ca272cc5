import { api } from './http';

/** The comparison of a rule-set version with the municipality's real decisions (server/simulation/compare-decisions.ts). */
export interface OwnCasesSimulation {
  compared: number;
  changed: number;
  unreadable: number;
  truncated: boolean;
  totals: Array<{ outcome: string | null; label: string; before: number; after: number }>;
  cases: Array<{
    caseRef: string;
    caseId: string;
    peildatum: string;
    before: { outcome: string | null; label: string };
    after: { outcome: string | null; label: string; incomplete?: string[] };
    decided?: { outcome: string | null; deviated: boolean };
    conditions: Array<{ rule: string; fact: string; factLabel: string; before: string; after: string }>;
  }>;
  ranAt?: string;
  ranBy?: string;
}

const path = (key: string, version: number) => `/api/v1/rulesets/${encodeURIComponent(key)}/versions/${version}`;

export const simulation = {
  run: (key: string, version: number) => api<OwnCasesSimulation>('POST', `${path(key, version)}/simulate-own-cases`),
  latest: (key: string, version: number) => api<OwnCasesSimulation>('GET', `${path(key, version)}/simulation`),
};
