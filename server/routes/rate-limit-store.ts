import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ClientRateLimitInfo, Options, Store as RateLimitStore } from 'express-rate-limit';
import type { Store } from '../../platform/store/create-store';

/** The table of migration 0014, typed here: only the rate limiter reads or writes it. */
interface RateLimitsDb {
  rate_limits: { key: string; window_index: number; hits: number };
}

/**
 * express-rate-limit's counts in the store, for several server replicas on one PostgreSQL
 * database: a caller's requests count once, whichever replica answers them. A fixed window per
 * minute, counted in one upsert per request (no read-then-write race between replicas).
 */
export function storeRateLimitCounter(store: Pick<Store, 'db'>, windowMs = 60_000): RateLimitStore {
  const db = store.db as unknown as Kysely<RateLimitsDb>;
  let window = windowMs;
  const indexNow = () => Math.floor(Date.now() / window);
  return {
    localKeys: false,
    prefix: 'rl:',
    init(options: Options) {
      window = options.windowMs;
    },
    async increment(key: string): Promise<ClientRateLimitInfo> {
      const index = indexNow();
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_index: index, hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_limits.window_index = excluded.window_index then rate_limits.hits + 1 else 1 end`,
            window_index: sql<number>`excluded.window_index`,
          }),
        )
        .returning(['hits', 'window_index'])
        .executeTakeFirstOrThrow();
      return { totalHits: Number(row.hits), resetTime: new Date((Number(row.window_index) + 1) * window) };
    },
    async decrement(key: string): Promise<void> {
      await db
        .updateTable('rate_limits')
        .set({ hits: sql<number>`hits - 1` })
        .where('key', '=', key)
        .where('window_index', '=', indexNow())
        .where('hits', '>', 0)
        .execute();
    },
    async resetKey(key: string): Promise<void> {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
