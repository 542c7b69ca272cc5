import { appendAudit } from '../audit/audit';
import type { AuthContext } from '../auth/auth-context';
import type { Db } from '../../platform/store/create-store';
import type { QuotaTargetRow } from '../../platform/store/schema';
import type { TargetLine } from './targets-csv';

export interface QuotaTarget {
  municipality: string;
  halfYear: string;
  target: number;
  backlog: number | null;
  surplus: number | null;
  source: 'manual' | 'csv';
  updatedBy: string;
  updatedAt: string;
}

export const toQuotaTarget = (r: QuotaTargetRow): QuotaTarget => ({
  municipality: r.municipality,
  halfYear: r.half_year,
  target: r.target,
  backlog: r.backlog,
  surplus: r.surplus,
  source: r.source === 'csv' ? 'csv' : 'manual',
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

export async function listTargets(db: Db, tenant: string, halfYear?: string): Promise<QuotaTarget[]> {
  let q = db.selectFrom('quota_targets').selectAll().where('tenant_id', '=', tenant);
  if (halfYear) q = q.where('half_year', '=', halfYear);
  return (await q.orderBy('half_year', 'desc').orderBy('municipality').execute()).map(toQuotaTarget);
}

/**
 * Enters or replaces targets, each with an audit entry naming before and after, in one
 * transaction: an import is applied entirely or not at all.
 */
export async function saveTargets(
  db: Db,
  auth: AuthContext,
  lines: TargetLine[],
  source: 'manual' | 'csv',
  reason: string | undefined,
  now: string,
): Promise<QuotaTarget[]> {
  return db.transaction().execute(async (trx) => {
    const saved: QuotaTarget[] = [];
    for (const l of lines) {
      const before = await trx
        .selectFrom('quota_targets')
        .selectAll()
        .where('tenant_id', '=', auth.tenant)
        .where('municipality', '=', l.municipality)
        .where('half_year', '=', l.halfYear)
        .executeTakeFirst();
      const row = {
        tenant_id: auth.tenant,
        municipality: l.municipality,
        half_year: l.halfYear,
        target: l.target,
        backlog: l.backlog,
        surplus: l.surplus,
        source,
        updated_by: auth.actor.id,
        updated_at: now,
      };
      await trx
        .insertInto('quota_targets')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'municipality', 'half_year']).doUpdateSet({
            target: l.target,
            backlog: l.backlog,
            surplus: l.surplus,
            source,
            updated_by: auth.actor.id,
            updated_at: now,
          }),
        )
        .execute();
      const show = (t: { target: number; backlog: number | null; surplus: number | null }) =>
        `taakstelling ${t.target}, achterstand ${t.backlog ?? '-'}, voorsprong ${t.surplus ?? '-'}`;
      await appendAudit(
        trx,
        {
          tenantId: auth.tenant,
          actor: auth.actor,
          action: source === 'csv' ? 'quota.target.import' : 'quota.target.set',
          target: { type: 'quota-target', id: `${l.municipality}/${l.halfYear}` },
          before: before ? show(before) : null,
          after: show(l),
          reason: reason ?? null,
        },
        now,
      );
      saved.push(toQuotaTarget(row));
    }
    return saved;
  });
}
