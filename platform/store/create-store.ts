import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { randomBytes } from 'node:crypto';
import { keyRing, loadCodecKeys, type CodecKeyRing } from '../codec/codec-keys';
import { secretBox, type SecretBox } from '../codec/secret-box';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

import type { SqlDialect } from './sql-dialect';

export type { SqlDialect };

/** Either the whole database or a transaction: repositories accept both. */
export type Db = Kysely<Database>;

export interface StoreConfig {
  /** PostgreSQL connection string; when set, the store uses PostgreSQL. */
  databaseUrl?: string;
  /** SQLite file (default `data/doorstroom.sqlite`, relative to the working directory) or `:memory:`. */
  sqlitePath?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * The product's key ring (DOORSTROOM_CODEC_KEYS), for secrets kept in the store (webhook
   * secrets). Without it (tests, benchmarks) a random ring for this process only: what is sealed
   * then does not open after a restart, and migration 0009 refuses to convert existing secrets.
   */
  keyRing?: CodecKeyRing;
}

/** The one store interface: a typed query builder over SQLite or PostgreSQL. */
export interface Store {
  readonly dialect: SqlDialect;
  readonly db: Db;
  /** Seals and opens the secrets kept in the store with the key ring (platform/codec/secret-box.ts). */
  readonly secrets: SecretBox;
  /** Applies pending migrations; safe to call on every start and from several replicas. */
  migrate(): Promise<string[]>;
  /** Runs `fn` in one transaction: all of its writes happen, or none. */
  transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = path.join('data', 'doorstroom.sqlite');

/**
 * Store settings from the environment: PostgreSQL when DATABASE_URL is set, else the SQLite
 * file DOORSTROOM_SQLITE_PATH (default `<dataDir>/doorstroom.sqlite`). The key ring comes apart
 * (`storeKeyRingFromEnv`), as reading it may create `<dataDir>/codec-keys`.
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env, dataDir = 'data'): StoreConfig {
  if (env.DATABASE_URL) {
    const pool = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined;
    return { databaseUrl: env.DATABASE_URL, ...(pool && Number.isInteger(pool) && pool > 0 ? { poolSize: pool } : {}) };
  }
  return { sqlitePath: env.DOORSTROOM_SQLITE_PATH || path.join(dataDir, 'doorstroom.sqlite') };
}

/** The key ring for the store's secrets: the payload codec's (DOORSTROOM_CODEC_KEYS, its file, or `<dataDir>/codec-keys`). */
export function storeKeyRingFromEnv(env: NodeJS.ProcessEnv = process.env, dataDir = 'data'): CodecKeyRing {
  return loadCodecKeys(dataDir, env);
}

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`Store: ${message}`);
    this.name = 'StoreError';
  }
}

function createPool(config: StoreConfig): Pool {
  const pool = new Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
  // An idle connection the server ends (restart, failover) emits 'error' on the pool; without a
  // listener that would crash the process. The pool drops the client and opens a new one.
  pool.on('error', (err) => {
    console.error(`Store: an idle PostgreSQL connection failed (${err.message}); it will be replaced`);
  });
  return pool;
}

export function createStore(config: StoreConfig = {}): Store {
  const dialect: SqlDialect = config.databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: config.databaseUrl
      ? new PostgresDialect({ pool: createPool(config) })
      : new SqliteDialect({ database: openSqlite(config.sqlitePath ?? DEFAULT_SQLITE_PATH) }),
  });
  const secrets = secretBox(config.keyRing ?? keyRing([{ id: 'ephemeral', key: randomBytes(32) }]));
  return {
    dialect,
    db,
    secrets,
    async migrate() {
      const migrator = new Migrator({
        db,
        provider: migrationProvider(dialect, { box: secrets, persistent: config.keyRing !== undefined }),
        // Numbers are handed out to work done side by side: one may land after a higher one ran.
        allowUnorderedMigrations: true,
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        throw new StoreError(
          'MIGRATION_FAILED',
          `migration ${failed} failed: ${String((error as Error).message ?? error)}`,
        );
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    transaction: (fn) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}

function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers run during a write; foreign keys are off by default in SQLite.
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}
