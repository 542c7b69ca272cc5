import express from 'express';
import request from 'supertest';
import { rateLimit } from 'express-rate-limit';
import { storeRateLimitCounter } from '../../../server/routes/rate-limit-store';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';

describeEachDialect('the rate limiter counts in the store', (dialect) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(dialect);
  });
  afterAll(() => t.dispose());

  /** Two "replicas": separate express apps and limiters, one store. */
  const replica = () => {
    const app = express();
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: 5,
        keyGenerator: (req) => req.get('x-caller') ?? 'anonymous',
        store: storeRateLimitCounter(t.store),
        standardHeaders: 'draft-8',
        legacyHeaders: false,
      }),
    );
    app.get('/', (_req, res) => void res.json({ ok: true }));
    return app;
  };

  test('requests to two replicas count together: the sixth in a minute is refused, whichever replica gets it', async () => {
    const [a, b] = [replica(), replica()];
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      for (const app of [a, b]) statuses.push((await request(app).get('/').set('x-caller', 'key:1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    // Another caller has a count of its own.
    expect((await request(b).get('/').set('x-caller', 'key:2')).status).toBe(200);
  });

  test('counts concurrent requests exactly (one upsert each, no lost updates)', async () => {
    const store = storeRateLimitCounter(t.store);
    const results = await Promise.all(Array.from({ length: 20 }, async () => store.increment('user:race')));
    expect(results.map((r) => r.totalHits).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results[0]?.resetTime?.getTime()).toBeGreaterThan(Date.now());
  });

  test('a new minute starts the count again; decrement and reset', async () => {
    const store = storeRateLimitCounter(t.store);
    await store.increment('user:old');
    // The row as a previous minute left it.
    await t.store.db
      .updateTable('rate_limits' as never)
      .set({ window_index: 1, hits: 99 } as never)
      .execute();
    expect((await store.increment('user:old')).totalHits).toBe(1);
    await store.increment('user:old');
    await store.decrement('user:old');
    expect((await store.increment('user:old')).totalHits).toBe(2);
    await store.resetKey('user:old');
    expect((await store.increment('user:old')).totalHits).toBe(1);
  });
});
