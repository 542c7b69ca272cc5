import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import type { Store } from '../../platform/store/create-store';
import { oidcDb } from './oidc/oidc-tables';

export interface MunicipalityState {
  id: string;
  name: string;
  createdAt: string;
  disabled: boolean;
  disabledAt: string | null;
}

export async function listMunicipalityStates(store: Store): Promise<MunicipalityState[]> {
  const rows = await oidcDb(store.db).selectFrom('tenants').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    disabled: r.disabled_at !== null,
    disabledAt: r.disabled_at,
  }));
}

/**
 * The national administrator disables a municipality (its sessions and API keys stop at the next
 * request, see authenticate) or enables it again. Never their own: that would lock out national
 * administration. Audited in the municipality's trail and the administrator's own.
 */
export async function setMunicipalityDisabled(
  store: Store,
  tenantId: string,
  disabled: boolean,
  actor: { kind: 'user' | 'apiKey'; id: string; tenant: string },
  reason: string | undefined,
  now: string,
): Promise<MunicipalityState> {
  if (disabled && tenantId === actor.tenant)
    throw new ApiError(
      409,
      'OWN_MUNICIPALITY',
      'U kunt uw eigen gemeente niet uitschakelen (you cannot disable your own municipality).',
      '/params/tenantId',
    );
  return store.transaction(async (trx) => {
    const db = oidcDb(trx);
    const before = await db.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
    if (!before)
      throw new ApiError(404, 'NOT_FOUND', 'Gemeente niet gevonden (municipality not found).', '/params/tenantId');
    await db
      .updateTable('tenants')
      .set({ disabled_at: disabled ? (before.disabled_at ?? now) : null })
      .where('id', '=', tenantId)
      .execute();
    if (disabled) await trx.deleteFrom('sessions').where('tenant_id', '=', tenantId).execute();
    const entry = {
      actor: { kind: actor.kind, id: actor.id },
      action: disabled ? 'tenant.disable' : 'tenant.enable',
      target: { type: 'tenant', id: tenantId },
      reason: reason ?? null,
    };
    await appendAudit(trx, { tenantId, ...entry }, now);
    if (actor.tenant !== tenantId) await appendAudit(trx, { tenantId: actor.tenant, ...entry }, now);
    const disabledAt = disabled ? (before.disabled_at ?? now) : null;
    return { id: before.id, name: before.name, createdAt: before.created_at, disabled, disabledAt };
  });
}
