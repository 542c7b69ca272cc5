import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createStore, type SqlDialect, type Store } from '../../platform/store/create-store';

/**
 * Each test file gets a fresh PostgreSQL database on the server at TEST_DATABASE_URL
 * (`.ci/postgres.sh` starts one and exports it). Without that variable the PostgreSQL
 * variants are skipped with a visible notice; CI always sets it.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let noticeShown = false;
function showSkipNotice(): void {
  if (noticeShown) return;
  noticeShown = true;
  console.warn(
    'SKIPPED: the PostgreSQL variants of the store tests. TEST_DATABASE_URL is not set; ' +
      'run `source .ci/postgres.sh` first (CI does) to test against a real PostgreSQL server.',
  );
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createTestDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `doorstroom_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      try {
        // FORCE may not end a backend of another role (an autovacuum worker that just started on the
        // database): 42501 then; it is gone a moment later, so try again before giving up.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '42501' || attempt >= 10) throw err;
            await new Promise((r) => setTimeout(r, 200 * attempt));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** A store on a fresh database of the given dialect, migrated, with a function to throw it away. */
export interface TestStore {
  store: Store;
  dispose: () => Promise<void>;
}

export async function createTestStore(dialect: SqlDialect, options: { migrate?: boolean } = {}): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const store = createStore({ sqlitePath: ':memory:' });
    if (options.migrate !== false) await store.migrate();
    return { store, dispose: () => store.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error('createTestStore: TEST_DATABASE_URL is not set');
  const database = await createTestDatabase(TEST_DATABASE_URL);
  const store = createStore({ databaseUrl: database.url, poolSize: 4 });
  if (options.migrate !== false) await store.migrate();
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * The dialects to run a suite against, for `describe.each`. PostgreSQL is left out, with a
 * notice, when no server is configured.
 */
export function dialects(): SqlDialect[] {
  if (TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  // CI sets this: there a missing PostgreSQL is a failure, never a quiet skip.
  if (process.env.DOORSTROOM_REQUIRE_POSTGRES === '1')
    throw new Error('DOORSTROOM_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: source .ci/postgres.sh first');
  showSkipNotice();
  return ['sqlite'];
}

/** `describe.each(dialects())` that also registers a visible skipped PostgreSQL suite. */
export function describeEachDialect(title: string, fn: (dialect: SqlDialect) => void): void {
  describe.each(dialects())(`${title} [%s]`, fn);
  if (!TEST_DATABASE_URL)
    describe.skip(`${title} [postgres] (TEST_DATABASE_URL not set)`, () => it.todo('runs against PostgreSQL'));
}
