import type { PlacementCount } from '../../workflows/activity-types';
import type { QuotaLedger } from './quota-ledger';
import type { Store } from '../../platform/store/create-store';
import { systemClock, type Clock } from '../../platform/store/clock';

/**
 * The taakstelling ledger in the store. Idempotent on (tenant, case, counting step): the
 * primary key refuses a second row and `ON CONFLICT DO NOTHING` (SQLite and PostgreSQL alike)
 * turns a retried activity into "already counted" instead of an error.
 */
export function createSqlQuotaLedger(store: Store, clock: Clock = systemClock): QuotaLedger {
  return {
    async record(p: PlacementCount): Promise<{ recorded: boolean }> {
      const result = await store.db
        .insertInto('quota_placements')
        .values({
          tenant_id: p.tenant,
          case_id: p.caseId,
          node_id: p.nodeId,
          municipality: p.municipality,
          placed_on: p.placedOn,
          half_year: p.halfYear,
          scheme: p.scheme ?? null,
          recorded_at: clock().toISOString(),
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'node_id']).doNothing())
        .executeTakeFirst();
      return { recorded: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
    },
  };
}
