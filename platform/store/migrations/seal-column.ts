import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/** A column that held something in clear and is sealed with the product's key ring (0009, 0013, 0016). */
export interface SealColumnSpec {
  /** The migration's number, named in its refusal: `0009`. */
  migration: string;
  table: string;
  /** The column a row is found by (its primary key). */
  key: string;
  /** The clear column, dropped once every row is sealed; `binary` (bytea/blob) travels as base64 inside the box. */
  clear: { name: string; type: 'text' | 'binary' };
  /** The sealed column, added as text. */
  sealed: string;
  /** The purpose a row is sealed under; the row's `tenant_id` is the associated data. */
  purpose: (tenant: string) => string;
  /** What the rows hold, plural-ready, for the refusal: `webhook secret(s)`. */
  what: string;
}

/** Rows are converted a few at a time, so a large table is never all in memory. */
const BATCH = 50;

/**
 * Moves a clear column to a sealed one and drops the clear one, so no copy stays behind; `down`
 * does the reverse. Without the product's key ring (`secrets.persistent` false) and with rows to
 * seal it refuses before changing anything: sealing with a throw-away key would lose them. Kysely
 * runs a migration in one transaction where DDL is transactional (PostgreSQL); SQLite's DDL is
 * not undone with a failed migration, so a run stopped half-way finds its column and goes on with
 * the rows not yet sealed.
 */
export function sealColumnMigration(dialect: SqlDialect, secrets: MigrationSecrets, spec: SealColumnSpec): Migration {
  const { table, key, sealed, clear } = spec;
  const binary = clear.type === 'binary';
  const toText = (v: unknown): string => (binary ? Buffer.from(v as Uint8Array).toString('base64') : (v as string));
  const fromText = (v: string): unknown => (binary ? Buffer.from(v, 'base64') : v);
  const columns = [...new Set([key, 'tenant_id'])];

  /** Fills `to` from `from` for every row where `to` is still null, a batch at a time. */
  async function convert(db: Kysely<any>, from: string, to: string, f: (v: unknown, tenant: string) => unknown) {
    for (;;) {
      const rows = (await db
        .selectFrom(table)
        .select([...columns, from])
        .where(to, 'is', null)
        .orderBy(key)
        .limit(BATCH)
        .execute()) as Record<string, any>[];
      if (rows.length === 0) return;
      for (const row of rows)
        await db
          .updateTable(table)
          .set({ [to]: f(row[from], row.tenant_id as string) })
          .where(key, '=', row[key])
          .execute();
    }
  }

  return {
    async up(db: Kysely<any>): Promise<void> {
      const { count } = (await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()) as { count: number | string };
      if (Number(count) > 0 && !secrets.persistent)
        throw new Error(
          `${spec.migration}: ${count} ${spec.what} to seal, but the store has no key ring (DOORSTROOM_CODEC_KEYS); ` +
            'sealing them with a throw-away key would lose them',
        );
      const existing = (await db.introspection.getTables()).find((t) => t.name === table)?.columns ?? [];
      if (!existing.some((c) => c.name === sealed))
        await db.schema.alterTable(table).addColumn(sealed, 'text').execute();
      await convert(db, clear.name, sealed, (v, tenant) => secrets.box.seal(toText(v), spec.purpose(tenant), tenant));
      await db.schema.alterTable(table).dropColumn(clear.name).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      const type = binary ? (dialect === 'postgres' ? 'bytea' : 'blob') : 'text';
      await db.schema.alterTable(table).addColumn(clear.name, type).execute();
      await convert(db, sealed, clear.name, (v, tenant) =>
        fromText(secrets.box.open(v as string, spec.purpose(tenant), tenant)),
      );
      await db.schema.alterTable(table).dropColumn(sealed).execute();
    },
  };
}
