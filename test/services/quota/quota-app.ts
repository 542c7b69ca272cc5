import express, { type Router } from 'express';
import { errorHandler } from '../../../server/error-handler';
import { createStoreRouter, storeDeps, type StoreDeps } from '../../../server/routes/store-router';
import type { SqlDialect } from '../../../platform/store/create-store';
import { createTestStore } from '../../support/postgres';
import { TEST_SCRYPT, testClock, type StoreTestApp } from '../../support/store-app';

/** The store's routes (for logging in) plus the routers under test, with the JSON error handler last. */
export async function createRoutersTestApp(
  dialect: SqlDialect,
  routers: (deps: StoreDeps) => Router[],
): Promise<StoreTestApp> {
  const { store, dispose } = await createTestStore(dialect);
  const clock = testClock('2026-05-12T09:00:00.000Z');
  const deps = storeDeps({ store, clock, auth: { cookieSecure: false, scrypt: TEST_SCRYPT } });
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.use('/api/v1', createStoreRouter(deps));
  for (const r of routers(deps)) app.use('/api/v1', r);
  app.use(errorHandler({ error: () => undefined }));
  return { app, deps, clock, dispose };
}
