import { sql } from 'kysely';
import { createStore } from '../../../platform/store/create-store';
import { insertTenant, findTenant } from '../../../platform/store/tenants';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describeEachDialect('store migrations', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await createTestStore(dialect, { migrate: false });
  });
  afterEach(() => t.dispose());

  it('creates every table on an empty database, and a second run is a no-op', async () => {
    const applied = await t.store.migrate();
    // Every migration in order, the first one first; later ones are added, never renamed.
    expect(applied[0]).toBe('0001-initial');
    expect(applied).toEqual([...applied].sort());
    expect(applied).toEqual(expect.arrayContaining(['0001-initial', '0002-webhooks']));
    expect(await t.store.migrate()).toEqual([]);
    const tables = (await t.store.db.introspection.getTables()).map((x) => x.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'api_keys',
        'artifact_versions',
        'artifacts',
        'audit_events',
        'sessions',
        'tenants',
        'users',
      ]),
    );
  });

  it('rolls a failed transaction back completely', async () => {
    await t.store.migrate();
    await expect(
      t.store.transaction(async (trx) => {
        await insertTenant(trx, { id: 'GM0001', name: 'Eerste' }, new Date().toISOString());
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await findTenant(t.store.db, 'GM0001')).toBeUndefined();
  });

  it('refuses to change or delete audit events, even by hand-written SQL', async () => {
    await t.store.migrate();
    const db = t.store.db;
    await insertTenant(db, { id: 'GM0002', name: 'Tweede' }, new Date().toISOString());
    await db
      .insertInto('audit_events')
      .values({
        id: 'a1',
        tenant_id: 'GM0002',
        at: new Date().toISOString(),
        actor_kind: 'system',
        actor_id: 'test',
        action: 'test',
        target_type: 'tenant',
        target_id: null,
        before_ref: null,
        after_ref: null,
        reason: null,
        details: null,
      })
      .execute();
    // Compare messages, not `rejects.toThrow`: better-sqlite3's SqliteError is not always an Error of
    // jest's realm, and then toThrow reports "did not throw" for a promise that did reject.
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'ran',
        (e: Error) => e.message,
      );
    const update = await outcome(sql`UPDATE audit_events SET action = 'x'`.execute(db));
    const remove = await outcome(sql`DELETE FROM audit_events`.execute(db));
    const rows = await db.selectFrom('audit_events').select('action').execute();
    expect(rows).toEqual([{ action: 'test' }]);
    expect([update, remove]).toEqual([expect.stringMatching(/append-only/), expect.stringMatching(/append-only/)]);
  });
});

describe('SQLite file store', () => {
  it('creates the directory of its file and keeps data across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-store-'));
    const file = path.join(dir, 'nested', 'doorstroom.sqlite');
    try {
      const first = createStore({ sqlitePath: file });
      await first.migrate();
      await insertTenant(first.db, { id: 'GM0363', name: 'Amsterdam' }, new Date().toISOString());
      await first.close();
      expect(existsSync(file)).toBe(true);
      const second = createStore({ sqlitePath: file });
      expect(await second.migrate()).toEqual([]);
      expect((await findTenant(second.db, 'GM0363'))?.name).toBe('Amsterdam');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('store configuration from the environment', () => {
  it('uses PostgreSQL when DATABASE_URL is set, else a SQLite file under the data directory', async () => {
    const { storeConfigFromEnv } = await import('../../../platform/store/create-store');
    expect(storeConfigFromEnv({ DATABASE_URL: 'postgres://x/y', DATABASE_POOL_SIZE: '20' })).toEqual({
      databaseUrl: 'postgres://x/y',
      poolSize: 20,
    });
    expect(storeConfigFromEnv({}, '/srv/data')).toEqual({ sqlitePath: '/srv/data/doorstroom.sqlite' });
    expect(storeConfigFromEnv({ DOORSTROOM_SQLITE_PATH: '/tmp/x.sqlite' })).toEqual({ sqlitePath: '/tmp/x.sqlite' });
  });
});
