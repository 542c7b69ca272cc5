import type { ImportTargetsResult, QuotaTarget, QuotaTargetList, SetTargetBody } from '../../../contract/quota';
import { api } from './http';

export type { QuotaTarget };

/** The taakstelling targets per municipality and half-year (server/quota). */
export const quota = {
  targets: () => api<QuotaTargetList>('GET', '/api/v1/quota/targets').then((r) => r.items),
  setTarget: (municipality: string, halfYear: string, body: SetTargetBody) =>
    api<QuotaTarget>('PUT', `/api/v1/quota/targets/${municipality}/${halfYear}`, body),
  importTargets: (csv: string, reason?: string) =>
    api<ImportTargetsResult>('POST', '/api/v1/quota/targets/import', { csv, ...(reason ? { reason } : {}) }),
};
