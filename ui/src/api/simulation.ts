import type { KeptSimulation, RuleSetSimulation } from '../../../contract/ruleset-simulation';
import { api } from './http';

/** The comparison of a rule-set version with the municipality's real decisions; the kept one says when and by whom. */
export type OwnCasesSimulation = RuleSetSimulation & Partial<Pick<KeptSimulation, 'ranAt' | 'ranBy'>>;

const path = (key: string, version: number) => `/api/v1/rulesets/${encodeURIComponent(key)}/versions/${version}`;

export const simulation = {
  run: (key: string, version: number) => api<OwnCasesSimulation>('POST', `${path(key, version)}/simulate-own-cases`),
  latest: (key: string, version: number) => api<OwnCasesSimulation>('GET', `${path(key, version)}/simulation`),
};
