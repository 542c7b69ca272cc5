import type { PlacementCount } from '../../workflows/activity-types';

/** Where counted placements are kept (the store's SQL ledger in production). `record` must be idempotent on (caseId, nodeId). */
export interface QuotaLedger {
  record(p: PlacementCount): Promise<{ recorded: boolean }>;
}

/** The ledger for tests and a store-less worker: kept in memory, lost on restart. */
export class InMemoryQuotaLedger implements QuotaLedger {
  readonly placements = new Map<string, PlacementCount>();

  record(p: PlacementCount): Promise<{ recorded: boolean }> {
    const key = `${p.caseId}\u0000${p.nodeId}`;
    if (this.placements.has(key)) return Promise.resolve({ recorded: false });
    this.placements.set(key, { ...p });
    return Promise.resolve({ recorded: true });
  }

  /** Realised placements of a municipality in a half-year. */
  realised(municipality: string, halfYear: string): number {
    let n = 0;
    for (const p of this.placements.values()) if (p.municipality === municipality && p.halfYear === halfYear) n += 1;
    return n;
  }
}
