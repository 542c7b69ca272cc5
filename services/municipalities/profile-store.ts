import { appendAudit, type AuditActorKind } from '../audit/audit';
import type { Db, Store } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import { findTenant } from '../../platform/store/tenants';
import { findMunicipality } from './municipalities';
import type { MunicipalityProfile, StoredProfileFields } from './municipality-profile';

/** The profile of one municipality: what it entered, with the official name from the CBS list by default. */
export async function readProfile(db: Db, tenant: string): Promise<MunicipalityProfile> {
  const row = await db
    .selectFrom('municipality_profiles')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .executeTakeFirst();
  const fields = parseJson<StoredProfileFields>(row?.profile ?? null, {});
  return toProfile(
    tenant,
    fields,
    row ? { at: row.updated_at, by: row.updated_by } : null,
    await defaultName(db, tenant),
  );
}

async function defaultName(db: Db, tenant: string): Promise<{ name: string; source: 'cbs-list' | 'tenant' }> {
  const listed = findMunicipality(tenant);
  if (listed) return { name: listed.name, source: 'cbs-list' };
  return { name: (await findTenant(db, tenant))?.name ?? '', source: 'tenant' };
}

function toProfile(
  tenant: string,
  f: StoredProfileFields,
  updated: { at: string; by: string } | null,
  fallback: { name: string; source: 'cbs-list' | 'tenant' },
): MunicipalityProfile {
  const own = f.name?.trim();
  return {
    tenant,
    name: own || fallback.name,
    nameSource: own ? 'profile' : fallback.source,
    address: f.address ?? null,
    objectionAddress: f.objectionAddress ?? null,
    signatory: f.signatory ?? null,
    byeLaw: f.byeLaw ?? null,
    court: f.court ?? null,
    updatedAt: updated?.at ?? null,
    updatedBy: updated?.by ?? null,
  };
}

export interface ProfileWriter {
  kind: AuditActorKind;
  id: string;
  /** Username or key name: shown as who last changed the profile. */
  name: string;
}

/**
 * Replaces the profile with the fields given (a field left out is cleared) and records who did
 * it and why in the audit trail, in one transaction. The audit entry names the fields that
 * changed, not their values.
 */
export async function saveProfile(
  store: Store,
  tenant: string,
  fields: StoredProfileFields,
  actor: ProfileWriter,
  reason: string | undefined,
  at: string,
): Promise<MunicipalityProfile> {
  return store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('municipality_profiles')
      .selectAll()
      .where('tenant_id', '=', tenant)
      .executeTakeFirst();
    const before = parseJson<StoredProfileFields>(row?.profile ?? null, {});
    const changed = (['name', 'address', 'objectionAddress', 'signatory', 'byeLaw', 'court'] as const).filter(
      (k) => toJson(before[k] ?? null) !== toJson(fields[k] ?? null),
    );
    if (row) {
      await trx
        .updateTable('municipality_profiles')
        .set({ profile: toJson(fields), updated_by: actor.name, updated_at: at })
        .where('tenant_id', '=', tenant)
        .execute();
    } else {
      await trx
        .insertInto('municipality_profiles')
        .values({ tenant_id: tenant, profile: toJson(fields), updated_by: actor.name, created_at: at, updated_at: at })
        .execute();
    }
    await appendAudit(
      trx,
      {
        tenantId: tenant,
        actor: { kind: actor.kind, id: actor.id },
        action: 'municipalityProfile.update',
        target: { type: 'municipalityProfile', id: tenant },
        reason: reason ?? null,
        details: { changed },
      },
      at,
    );
    return toProfile(tenant, fields, { at, by: actor.name }, await defaultName(trx, tenant));
  });
}
