import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { AuditEventRow } from '../../platform/store/schema';
import { MAX_AUDIT_PAGE, type AuditEvent } from '../../contract/audit';

export type AuditActorKind = 'user' | 'apiKey' | 'system';

/** One entry: who, when, which municipality, what (with before/after references) and why. */
export interface AuditEntry {
  tenantId: string;
  actor: { kind: AuditActorKind; id: string };
  /** Dotted verb, e.g. `version.approve`, `auth.login`, `apiKey.create`, `case.manual`. */
  action: string;
  target: { type: string; id?: string | null };
  /** Reference to the state before, e.g. `ruleset/housing-priority@2`. */
  before?: string | null;
  after?: string | null;
  /** Why: the comment or reason the person gave. */
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** One event as the audit API lists it (contract/audit.ts). */
export type { AuditEvent };

/**
 * Appends one event. There is deliberately no update or delete here, and the database
 * refuses both (see the initial migration). Call it inside the transaction of the change
 * it records, so a change and its audit entry exist together or not at all.
 */
export async function appendAudit(db: Db, entry: AuditEntry, at: string): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      tenant_id: entry.tenantId,
      at,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      action: entry.action,
      target_type: entry.target.type,
      target_id: entry.target.id ?? null,
      before_ref: entry.before ?? null,
      after_ref: entry.after ?? null,
      reason: entry.reason ?? null,
      details: entry.details ? toJson(entry.details) : null,
    })
    .execute();
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    tenantId: row.tenant_id,
    at: row.at,
    actor: { kind: row.actor_kind as AuditActorKind, id: row.actor_id },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    before: row.before_ref,
    after: row.after_ref,
    reason: row.reason,
    details: parseJson<Record<string, unknown> | null>(row.details, null),
  };
}

export interface AuditFilter {
  /** Exact action, or a prefix ending in a dot (`version.`). */
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive lower bound, ISO instant. */
  from?: string;
  /** Exclusive upper bound, ISO instant. */
  to?: string;
  /** Return events older than this sequence number (paging, newest first). */
  before?: number;
  limit?: number;
}

export { MAX_AUDIT_PAGE };

/** Events of one tenant, newest first. The tenant is not a filter: it is always applied. */
export async function queryAudit(db: Db, tenantId: string, filter: AuditFilter = {}): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId);
  if (filter.action) {
    // substr, not LIKE: no wildcards to escape, and the same case-sensitive match in both dialects.
    const prefix = filter.action;
    q = prefix.endsWith('.')
      ? q.where(sql<string>`substr(action, 1, ${prefix.length})`, '=', prefix)
      : q.where('action', '=', prefix);
  }
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.before !== undefined) q = q.where('seq', '<', filter.before);
  const limit = Math.min(filter.limit ?? 100, MAX_AUDIT_PAGE);
  const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toAuditEvent);
}
