import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { keyRing } from '../../../platform/codec/codec-keys';
import { createStore, type SqlDialect, type Store } from '../../../platform/store/create-store';
import { sealColumnMigration, type SealColumnSpec } from '../../../platform/store/migrations/seal-column';
import { createTestDatabase, describeEachDialect, TEST_DATABASE_URL } from '../../support/postgres';

type Untyped = Kysely<Record<string, Record<string, unknown>>>;
type Row = Record<string, unknown>;

const purpose = (tenant: string) => `note:${tenant}`;
const spec = (type: 'text' | 'binary'): SealColumnSpec => ({
  migration: '9999',
  table: 'notes',
  key: 'id',
  clear: { name: 'body', type },
  sealed: 'body_enc',
  purpose,
  what: 'note(s)',
});
const tenantOf = (i: number) => (i % 2 === 0 ? 'GM0363' : 'GM0344');
const textOf = (i: number) => `geheim-${i}-${'x'.repeat(i % 7)}`;

/** A made-up table, as a future migration finds one: a clear column to seal. */
async function storeWithNotes(dialect: SqlDialect, type: 'text' | 'binary', rows: number) {
  let store: Store;
  let drop = async (): Promise<void> => undefined;
  const ring = keyRing([{ id: 'k1', key: randomBytes(32) }]);
  if (dialect === 'sqlite') store = createStore({ sqlitePath: ':memory:', keyRing: ring });
  else {
    const database = await createTestDatabase(TEST_DATABASE_URL!);
    store = createStore({ databaseUrl: database.url, poolSize: 2, keyRing: ring });
    drop = database.drop;
  }
  const db = store.db as unknown as Untyped;
  const bodyType = type === 'text' ? 'text' : dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('body', bodyType)
    .execute();
  for (let i = 0; i < rows; i++)
    await db
      .insertInto('notes')
      .values({
        id: `n${String(i).padStart(4, '0')}`,
        tenant_id: tenantOf(i),
        body: type === 'text' ? textOf(i) : Buffer.from(textOf(i)),
      })
      .execute();
  const columns = async () =>
    ((await db.introspection.getTables()).find((t) => t.name === 'notes')?.columns ?? []).map((c) => c.name).sort();
  const all = async () => (await db.selectFrom('notes').selectAll().orderBy('id').execute()) as Row[];
  return {
    store,
    db,
    columns,
    all,
    dispose: async () => {
      await store.close();
      await drop();
    },
  };
}

describeEachDialect('sealing a clear column (the helper of 0009, 0013, 0016 and later migrations)', (dialect) => {
  it('seals 120 text rows in batches under the purpose and municipality, drops the clear column, and down brings it back', async () => {
    const t = await storeWithNotes(dialect, 'text', 120);
    try {
      const migration = sealColumnMigration(dialect, { box: t.store.secrets, persistent: true }, spec('text'));
      await migration.up(t.db);
      expect(await t.columns()).toEqual(['body_enc', 'id', 'tenant_id']);
      const sealed = await t.all();
      expect(sealed).toHaveLength(120);
      sealed.forEach((row, i) => {
        expect(String(row.body_enc)).not.toContain('geheim');
        expect(t.store.secrets.open(row.body_enc as string, purpose(tenantOf(i)), tenantOf(i))).toBe(textOf(i));
      });
      // Bound to its municipality: another one's purpose and associated data do not open it.
      expect(() => t.store.secrets.open(sealed[0]!.body_enc as string, purpose('GM0344'), 'GM0344')).toThrow();

      await migration.down!(t.db);
      expect(await t.columns()).toEqual(['body', 'id', 'tenant_id']);
      expect((await t.all()).map((r) => r.body)).toEqual(sealed.map((_, i) => textOf(i)));
    } finally {
      await t.dispose();
    }
  });

  it('seals a binary column as base64 inside the box and gives the same bytes back', async () => {
    const t = await storeWithNotes(dialect, 'binary', 3);
    try {
      const migration = sealColumnMigration(dialect, { box: t.store.secrets, persistent: true }, spec('binary'));
      await migration.up(t.db);
      const row = (await t.all())[1]!;
      expect(Buffer.from(t.store.secrets.open(row.body_enc as string, purpose('GM0344'), 'GM0344'), 'base64')).toEqual(
        Buffer.from(textOf(1)),
      );
      await migration.down!(t.db);
      expect((await t.all()).map((r) => Buffer.from(r.body as Uint8Array).toString())).toEqual([0, 1, 2].map(textOf));
    } finally {
      await t.dispose();
    }
  });

  it('refuses without the product key ring, naming the migration and the rows, and changes nothing', async () => {
    const t = await storeWithNotes(dialect, 'text', 3);
    try {
      const migration = sealColumnMigration(dialect, { box: t.store.secrets, persistent: false }, spec('text'));
      await expect(migration.up(t.db)).rejects.toThrow(
        /^9999: 3 note\(s\) to seal, but the store has no key ring \(DOORSTROOM_CODEC_KEYS\)/,
      );
      expect(await t.columns()).toEqual(['body', 'id', 'tenant_id']);
      expect((await t.all()).map((r) => r.body)).toEqual([0, 1, 2].map(textOf));
    } finally {
      await t.dispose();
    }
  });

  it('goes on after a run stopped half-way (SQLite keeps its DDL): sealed rows stay as they are, the rest is sealed', async () => {
    const t = await storeWithNotes(dialect, 'text', 6);
    try {
      await t.db.schema.alterTable('notes').addColumn('body_enc', 'text').execute();
      const early = t.store.secrets.seal(textOf(0), purpose(tenantOf(0)), tenantOf(0));
      await t.db.updateTable('notes').set({ body_enc: early }).where('id', '=', 'n0000').execute();
      await sealColumnMigration(dialect, { box: t.store.secrets, persistent: true }, spec('text')).up(t.db);
      const rows = await t.all();
      expect(rows[0]!.body_enc).toBe(early);
      rows.forEach((row, i) =>
        expect(t.store.secrets.open(row.body_enc as string, purpose(tenantOf(i)), tenantOf(i))).toBe(textOf(i)),
      );
    } finally {
      await t.dispose();
    }
  });
});
