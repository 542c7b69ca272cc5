import type { Kysely } from 'kysely';
import type {
  IgnoreReason,
  NotificatieLogEntry,
  NotificatieLogPage,
  NotificatieOutcome,
} from '../../contract/notificaties-log';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';

/** The table of migration 0017, as this module reads and writes it. */
export interface NotificatieLogTable {
  id: string;
  tenant_id: string;
  received_at: string;
  kanaal: string;
  resource: string;
  actie: string;
  mode: 'kenmerken' | 'zaak';
  mapping_id: string | null;
  result: NotificatieOutcome;
  ignore_reason: IgnoreReason | null;
  error_code: string | null;
  http_status: number | null;
  case_id: string | null;
  completed_at: string | null;
}

const logDb = (db: Db) =>
  db as unknown as Kysely<{
    notificatie_log: NotificatieLogTable;
    notificatie_mappings: { id: string; tenant_id: string; name: string };
  }>;

export interface NotificatieOutcomeRecord {
  result: Exclude<NotificatieOutcome, 'pending'>;
  mappingId?: string | null;
  caseId?: string | null;
  ignoreReason?: IgnoreReason | null;
  errorCode?: string | null;
  httpStatus?: number | null;
}

/**
 * Records a received notification. With the id of one already there (the same notification
 * again, zaak form) nothing changes: the first entry stays, and `false` says so.
 */
export async function recordReceived(
  db: Db,
  entry: Pick<NotificatieLogTable, 'id' | 'tenant_id' | 'received_at' | 'kanaal' | 'resource' | 'actie' | 'mode'> & {
    mapping_id: string | null;
  } & Partial<Pick<NotificatieLogTable, 'result'>> &
    Partial<Omit<NotificatieLogTable, 'id' | 'tenant_id'>>,
): Promise<boolean> {
  const row: NotificatieLogTable = {
    result: 'pending',
    ignore_reason: null,
    error_code: null,
    http_status: null,
    case_id: null,
    completed_at: null,
    ...entry,
  };
  const res = await logDb(db)
    .insertInto('notificatie_log')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The outcome of a notification read from its zaak; a later outcome for the same entry replaces an earlier one. */
export async function recordOutcome(
  db: Db,
  tenant: string,
  id: string,
  outcome: NotificatieOutcomeRecord,
  now: string,
): Promise<void> {
  await logDb(db)
    .updateTable('notificatie_log')
    .set({
      result: outcome.result,
      ...(outcome.mappingId !== undefined ? { mapping_id: outcome.mappingId } : {}),
      case_id: outcome.caseId ?? null,
      ignore_reason: outcome.ignoreReason ?? null,
      error_code: outcome.errorCode ?? null,
      http_status: outcome.httpStatus ?? null,
      completed_at: now,
    })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .execute();
}

const badCursor = () =>
  new ApiError(400, 'VALIDATION_FAILED', 'Onbekende cursor (cursor is not one this list gave out).', '/query/cursor');

function decodeCursor(cursor: string): { at: string; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = text.indexOf('|');
  if (sep < 1 || !/^\d{4}-\d{2}-\d{2}T/.test(text)) throw badCursor();
  return { at: text.slice(0, sep), id: text.slice(sep + 1) };
}

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');

/** The municipality's log, newest first, a page at a time (keyset on received time and id). */
export async function listNotificatieLog(
  db: Db,
  tenant: string,
  page: { limit: number; cursor?: string; result?: NotificatieOutcome },
): Promise<NotificatieLogPage> {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  let q = logDb(db)
    .selectFrom('notificatie_log as l')
    .leftJoin('notificatie_mappings as m', (j) =>
      j.onRef('m.id', '=', 'l.mapping_id').onRef('m.tenant_id', '=', 'l.tenant_id'),
    )
    .selectAll('l')
    .select('m.name as mapping_name')
    .where('l.tenant_id', '=', tenant);
  if (page.result) q = q.where('l.result', '=', page.result);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('l.received_at', '<', after.at),
        eb.and([eb('l.received_at', '=', after.at), eb('l.id', '<', after.id)]),
      ]),
    );
  const rows = await q
    .orderBy('l.received_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items: NotificatieLogEntry[] = rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    kanaal: r.kanaal,
    resource: r.resource,
    actie: r.actie,
    mappingId: r.mapping_id,
    mappingName: r.mapping_name ?? null,
    mode: r.mode,
    result: r.result,
    ignoreReason: r.ignore_reason,
    errorCode: r.error_code,
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    caseId: r.case_id,
    completedAt: r.completed_at,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.receivedAt, last.id) : null };
}
