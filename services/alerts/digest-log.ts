import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import type { AlertDigestRow } from '../../platform/store/schema';
import type { DigestStatus, DigestTrigger } from '../../workflows/digest-input';
import type { DigestLogEntry } from '../../contract/alerts';

export { DIGEST_STATUSES } from '../../contract/alerts';

/** One digest run as admins read it (contract/alerts.ts): where it went, what it held (counts only), how it ended. */
export type { DigestLogEntry };

export function toLogEntry(row: AlertDigestRow): DigestLogEntry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    trigger: row.trigger as DigestTrigger,
    channel: row.channel,
    target: row.target,
    status: row.status as DigestStatus,
    attempts: Number(row.attempts),
    caseCount: Number(row.case_count),
    deadlineCount: Number(row.deadline_count),
    windowFrom: row.window_from,
    windowTo: row.window_to,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    error: row.error,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

export interface DigestAttempt {
  id: string;
  tenantId: string;
  trigger: DigestTrigger;
  channel: string;
  target: string;
  requestedBy: string | null;
  status: DigestStatus;
  attempt: number;
  caseCount: number;
  deadlineCount: number;
  windowFrom: string | null;
  windowTo: string | null;
  statusCode: number | null;
  error: string | null;
}

/**
 * Writes one attempt of a digest run: the first creates the entry, later ones (retries of the
 * same run) update it. An entry that says sent stays sent whatever a late retry reports.
 */
export async function recordDigestAttempt(db: Db, a: DigestAttempt, now: string): Promise<void> {
  const values = {
    trigger: a.trigger,
    channel: a.channel,
    target: a.target,
    status: a.status,
    attempts: a.attempt,
    case_count: a.caseCount,
    deadline_count: a.deadlineCount,
    window_from: a.windowFrom,
    window_to: a.windowTo,
    status_code: a.statusCode,
    error: a.error,
    updated_at: now,
    sent_at: a.status === 'sent' ? now : null,
  };
  await db
    .insertInto('alert_digests')
    .values({ id: a.id, tenant_id: a.tenantId, requested_by: a.requestedBy, created_at: now, ...values })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db.updateTable('alert_digests').set(values).where('id', '=', a.id).where('status', '!=', 'sent').execute();
}

export async function getDigestLogEntry(db: Db, tenant: string, id: string): Promise<DigestLogEntry> {
  const row = await db
    .selectFrom('alert_digests')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError(404, 'NOT_FOUND', 'Overzicht niet gevonden (digest not found).', '/params/digestId');
  return toLogEntry(row);
}

/** The municipality's digests, newest first. */
export async function listDigestLog(
  db: Db,
  tenant: string,
  filter: { status?: DigestStatus; limit?: number } = {},
): Promise<DigestLogEntry[]> {
  let q = db.selectFrom('alert_digests').selectAll().where('tenant_id', '=', tenant);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toLogEntry);
}
