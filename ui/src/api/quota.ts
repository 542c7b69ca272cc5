import { api } from './http';

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

/** The taakstelling targets per municipality and half-year (server/quota). */
export const quota = {
  targets: () => api<{ items: QuotaTarget[] }>('GET', '/api/v1/quota/targets').then((r) => r.items),
  setTarget: (
    municipality: string,
    halfYear: string,
    body: { target: number; backlog: number | null; surplus: number | null; reason?: string },
  ) => api<QuotaTarget>('PUT', `/api/v1/quota/targets/${municipality}/${halfYear}`, body),
  importTargets: (csv: string, reason?: string) =>
    api<{ imported: number }>('POST', '/api/v1/quota/targets/import', { csv, ...(reason ? { reason } : {}) }),
};
