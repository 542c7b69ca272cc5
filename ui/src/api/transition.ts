import type { TransitionProgress } from '../../../contract/cohort-progress';
import type { HouseholdImportResult, ImportLineError } from '../../../contract/household-import';
import { api } from './http';

export type { HouseholdImportResult, ImportLineError, TransitionProgress };

/** The Ukrainian transition: the cohort view and the import of the municipality's GOO list. */
export const transition = {
  progress: () => api<TransitionProgress>('GET', '/api/v1/monitor/transition'),
  importList: (csv: string) =>
    api<HouseholdImportResult>('POST', '/api/v1/processes/overgang-oekraine/imports', { csv }),
};
