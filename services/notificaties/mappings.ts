import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import type { AuthContext } from '../auth/auth-context';
import { ApiError } from '../../platform/errors';
import type { MappingAction, MappingBody, NotificatieMapping } from '../../contract/notificaties';
import type { Clock } from '../../platform/store/clock';
import type { Db, Store } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { NotificatieMappingRow } from '../../platform/store/schema';

/** A per-municipality rule (contract/notificaties.ts): which notifications (kanaal, resource, actie, kenmerken) do what. */
export type { NotificatieMapping };

export interface MappingDeps {
  store: Store;
  clock: Clock;
}

export type MappingInput = Omit<MappingBody, 'reason'>;

export function toMapping(row: NotificatieMappingRow): NotificatieMapping {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    kanaal: row.kanaal,
    resource: row.resource,
    actie: row.actie,
    kenmerken: parseJson<Record<string, string>>(row.kenmerken, {}),
    action: parseJson<MappingAction>(row.action, { kind: 'start-case', processId: 'unknown' }),
    active: row.disabled_at === null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const notFound = () =>
  new ApiError(404, 'NOT_FOUND', 'Koppeling niet gevonden (notificatie mapping not found).', '/params/mappingId');
const actorOf = (auth: AuthContext) => ({ kind: auth.actor.kind, id: auth.actor.id });
const summary = (m: MappingInput) => ({
  name: m.name,
  kanaal: m.kanaal,
  resource: m.resource,
  actie: m.actie,
  kenmerken: m.kenmerken ?? {},
  action: m.action,
  active: m.active !== false,
});

export async function listMappings(db: Db, tenant: string): Promise<NotificatieMapping[]> {
  const rows = await db
    .selectFrom('notificatie_mappings')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toMapping);
}

async function findRow(db: Db, tenant: string, id: string): Promise<NotificatieMappingRow | undefined> {
  return db
    .selectFrom('notificatie_mappings')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getMapping(db: Db, tenant: string, id: string): Promise<NotificatieMapping> {
  const row = await findRow(db, tenant, id);
  if (!row) throw notFound();
  return toMapping(row);
}

/**
 * The active mappings for a notification, most specific first: kanaal, resource and actie equal,
 * and every kenmerk the mapping names has that value. More kenmerken is more specific; ties go to
 * the oldest.
 */
export async function matchMappings(
  db: Db,
  tenant: string,
  n: { kanaal: string; resource: string; actie: string; kenmerken?: Record<string, string> },
): Promise<NotificatieMapping[]> {
  const rows = await db
    .selectFrom('notificatie_mappings')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('kanaal', '=', n.kanaal)
    .where('resource', '=', n.resource)
    .where('actie', '=', n.actie)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const kenmerken = n.kenmerken ?? {};
  const matching = rows.map(toMapping).filter((m) => Object.entries(m.kenmerken).every(([k, v]) => kenmerken[k] === v));
  // Stable sort: equal specificity keeps the creation order.
  return matching.sort((a, b) => Object.keys(b.kenmerken).length - Object.keys(a.kenmerken).length);
}

/** The most specific active mapping for a notification (see matchMappings). */
export async function matchMapping(
  db: Db,
  tenant: string,
  n: { kanaal: string; resource: string; actie: string; kenmerken?: Record<string, string> },
): Promise<NotificatieMapping | undefined> {
  return (await matchMappings(db, tenant, n))[0];
}

export async function createMapping(
  deps: MappingDeps,
  auth: AuthContext,
  input: MappingInput,
  reason?: string,
): Promise<NotificatieMapping> {
  const now = deps.clock().toISOString();
  const row: NotificatieMappingRow = {
    id: randomUUID(),
    tenant_id: auth.tenant,
    name: input.name,
    kanaal: input.kanaal,
    resource: input.resource,
    actie: input.actie,
    kenmerken: toJson(input.kenmerken ?? {}),
    action: toJson(input.action),
    created_by: auth.actor.id,
    created_at: now,
    updated_at: now,
    disabled_at: input.active === false ? now : null,
  };
  await deps.store.transaction(async (trx) => {
    await trx.insertInto('notificatie_mappings').values(row).execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'notificatieMapping.create',
        target: { type: 'notificatieMapping', id: row.id },
        after: `notificatie-mapping/${row.id}`,
        reason: reason ?? null,
        details: { after: summary(input) },
      },
      now,
    );
  });
  return toMapping(row);
}

/** Replaces a mapping as a whole (PUT). */
export async function replaceMapping(
  deps: MappingDeps,
  auth: AuthContext,
  id: string,
  input: MappingInput,
  reason?: string,
): Promise<NotificatieMapping> {
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const existing = await findRow(trx, auth.tenant, id);
    if (!existing) throw notFound();
    const changes = {
      name: input.name,
      kanaal: input.kanaal,
      resource: input.resource,
      actie: input.actie,
      kenmerken: toJson(input.kenmerken ?? {}),
      action: toJson(input.action),
      updated_at: now,
      disabled_at: input.active === false ? (existing.disabled_at ?? now) : null,
    };
    await trx
      .updateTable('notificatie_mappings')
      .set(changes)
      .where('tenant_id', '=', auth.tenant)
      .where('id', '=', id)
      .execute();
    const before = toMapping(existing);
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'notificatieMapping.update',
        target: { type: 'notificatieMapping', id },
        before: `notificatie-mapping/${id}@${existing.updated_at}`,
        after: `notificatie-mapping/${id}@${now}`,
        reason: reason ?? null,
        details: { before: summary(before), after: summary(input) },
      },
      now,
    );
    return toMapping({ ...existing, ...changes });
  });
}

export async function deleteMapping(deps: MappingDeps, auth: AuthContext, id: string, reason?: string): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.store.transaction(async (trx) => {
    const existing = await findRow(trx, auth.tenant, id);
    if (!existing) throw notFound();
    await trx.deleteFrom('notificatie_mappings').where('tenant_id', '=', auth.tenant).where('id', '=', id).execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'notificatieMapping.delete',
        target: { type: 'notificatieMapping', id },
        before: `notificatie-mapping/${id}@${existing.updated_at}`,
        reason: reason ?? null,
        details: { before: summary(toMapping(existing)) },
      },
      now,
    );
  });
}
