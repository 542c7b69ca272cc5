import type { Kysely } from 'kysely';
import type { Db } from '../../platform/store/create-store';

/** The table of migration 0018, as the write-back reads and writes it. */
export interface ZgwSyncWritesTable {
  tenant_id: string;
  case_id: string;
  write_key: string;
  kind: string;
  state: string;
  zgw_url: string | null;
  node_id: string | null;
  error_code: string | null;
  attempts: number;
  at: string;
}

/** What the write-back did, in the words of the case timeline (services/monitor/case-view.ts). */
export type ZgwWriteKind =
  | 'zaak-created'
  | 'zaak-linked'
  | 'status-set'
  | 'besluit-registered'
  | 'document-stored'
  | 'document-linked'
  | 'resultaat-set'
  | 'zaak-closed'
  /** The eindstatus of a cancelled case. */
  | 'zaak-cancelled'
  /** Not a write: a cancelled case whose link has no resultaattype for it; the zaak stays open. */
  | 'zaak-left-open';

export interface ZgwWrite {
  key: string;
  kind: ZgwWriteKind;
  state: 'done' | 'failing';
  url: string | null;
  nodeId: string | null;
  errorCode: string | null;
  attempts: number;
  at: string;
}

const syncDb = (db: Db) => db as unknown as Kysely<{ zgw_sync_writes: ZgwSyncWritesTable }>;

const toWrite = (r: ZgwSyncWritesTable): ZgwWrite => ({
  key: r.write_key,
  kind: r.kind as ZgwWriteKind,
  state: r.state === 'done' ? 'done' : 'failing',
  url: r.zgw_url,
  nodeId: r.node_id,
  errorCode: r.error_code,
  attempts: Number(r.attempts),
  at: r.at,
});

/** Every write of one case, oldest first. */
export async function listZgwWrites(db: Db, tenant: string, caseId: string): Promise<ZgwWrite[]> {
  const rows = await syncDb(db)
    .selectFrom('zgw_sync_writes')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('write_key')
    .execute();
  return rows.map(toWrite);
}

/** The URL of a write already done, if any: the idempotency check before every create. */
export async function doneZgwWrite(db: Db, tenant: string, caseId: string, key: string): Promise<string | undefined> {
  const row = await syncDb(db)
    .selectFrom('zgw_sync_writes')
    .select(['zgw_url', 'state'])
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .where('write_key', '=', key)
    .executeTakeFirst();
  return row?.state === 'done' && row.zgw_url ? row.zgw_url : undefined;
}

// A write once done stays done: a late failing attempt (a retry racing a success) does not undo it.
async function upsert(db: Db, row: ZgwSyncWritesTable): Promise<void> {
  await syncDb(db)
    .insertInto('zgw_sync_writes')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'case_id', 'write_key'])
        .doUpdateSet({
          state: row.state,
          zgw_url: row.zgw_url,
          error_code: row.error_code,
          attempts: (eb) => eb(eb.ref('zgw_sync_writes.attempts'), '+', 1),
          at: row.at,
        })
        .where('zgw_sync_writes.state', '<>', 'done'),
    )
    .execute();
}

export interface ZgwWriteRef {
  tenant: string;
  caseId: string;
  key: string;
  kind: ZgwWriteKind;
  nodeId?: string | null;
}

/** Records a write that succeeded, with the URL the API gave it. */
export function recordZgwDone(db: Db, ref: ZgwWriteRef, url: string, at: string): Promise<void> {
  return upsert(db, {
    tenant_id: ref.tenant,
    case_id: ref.caseId,
    write_key: ref.key,
    kind: ref.kind,
    state: 'done',
    zgw_url: url,
    node_id: ref.nodeId ?? null,
    error_code: null,
    attempts: 1,
    at,
  });
}

/** Records a failed attempt (the activity retries): the timeline shows it as failing, with its code. */
export function recordZgwFailing(db: Db, ref: ZgwWriteRef, code: string, at: string): Promise<void> {
  return upsert(db, {
    tenant_id: ref.tenant,
    case_id: ref.caseId,
    write_key: ref.key,
    kind: ref.kind,
    state: 'failing',
    zgw_url: null,
    node_id: ref.nodeId ?? null,
    error_code: code,
    attempts: 1,
    at,
  });
}

/** Records a note: something the write-back decided not to write, done at once, without a URL. */
export function recordZgwNote(db: Db, ref: ZgwWriteRef, at: string): Promise<void> {
  return upsert(db, {
    tenant_id: ref.tenant,
    case_id: ref.caseId,
    write_key: ref.key,
    kind: ref.kind,
    state: 'done',
    zgw_url: null,
    node_id: ref.nodeId ?? null,
    error_code: null,
    attempts: 1,
    at,
  });
}

/** Whether a note with this key was recorded (a retried activity records it once). */
export async function hasZgwNote(db: Db, tenant: string, caseId: string, key: string): Promise<boolean> {
  const row = await syncDb(db)
    .selectFrom('zgw_sync_writes')
    .select('state')
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .where('write_key', '=', key)
    .executeTakeFirst();
  return row?.state === 'done';
}
