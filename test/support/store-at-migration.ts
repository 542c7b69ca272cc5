import { Migrator } from 'kysely';
import type { CodecKeyRing } from '../../platform/codec/codec-keys';
import { createStore, type SqlDialect, type Store } from '../../platform/store/create-store';
import { migrationProvider } from '../../platform/store/migrations';
import { createTestDatabase, TEST_DATABASE_URL } from './postgres';

export interface StoreAtMigration {
  store: Store;
  /** Up or down to a named migration (`0010-zgw`), as the product's own migrations run. */
  migrateTo: (migration: string) => Promise<void>;
  drop: () => Promise<void>;
}

/**
 * A store of the dialect on a fresh database, migrated up to `migration` only: the schema a later
 * migration (one that seals a clear column, e.g.) finds. Without `keys` the store has a throw-away
 * key ring, as a store started without DOORSTROOM_CODEC_KEYS.
 */
export async function storeAtMigration(
  dialect: SqlDialect,
  migration: string,
  keys?: CodecKeyRing,
): Promise<StoreAtMigration> {
  let store: Store;
  let dropDatabase = async (): Promise<void> => undefined;
  if (dialect === 'sqlite') store = createStore({ sqlitePath: ':memory:', ...(keys ? { keyRing: keys } : {}) });
  else {
    const database = await createTestDatabase(TEST_DATABASE_URL!);
    store = createStore({ databaseUrl: database.url, poolSize: 2, ...(keys ? { keyRing: keys } : {}) });
    dropDatabase = database.drop;
  }
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(dialect, { box: store.secrets, persistent: keys !== undefined }),
    // 0014 sorts after 0013 but shipped before it: going down past both needs this.
    allowUnorderedMigrations: true,
  });
  const migrateTo = async (name: string): Promise<void> => {
    const { error } = await migrator.migrateTo(name);
    if (error) throw new Error(`test: migrating the store to ${name} failed`, { cause: error });
  };
  await migrateTo(migration);
  return {
    store,
    migrateTo,
    drop: async () => {
      await store.close();
      await dropDatabase();
    },
  };
}
