import express, { type Express } from 'express';
import type { DigestCalendar, DigestScheduler } from '../../../services/alerts/digest-schedule';
import type { DeadlineDigestResult } from '../../../workflows/digest-input';
import { recordDigestAttempt } from '../../../services/alerts/digest-log';
import { errorHandler } from '../../../server/error-handler';
import { createAlertsRouter } from '../../../server/routes/alerts';
import { createStoreRouter } from '../../../server/routes/store-router';
import type { SqlDialect } from '../../../platform/store/create-store';
import { caller, createStoreTestApp, userCaller, type Caller, type StoreTestApp } from '../../support/store-app';

/** A scheduler that records what it was asked; send-now writes a sent log entry at once. */
export interface FakeScheduler extends DigestScheduler {
  calls: Array<
    | { op: 'upsert'; tenant: string; calendar: DigestCalendar }
    | { op: 'remove'; tenant: string }
    | { op: 'startNow'; tenant: string; requestedBy: string }
  >;
  failNext?: Error;
}

export function fakeScheduler(t: () => StoreTestApp): FakeScheduler {
  let n = 0;
  const s: FakeScheduler = {
    calls: [],
    async upsert(tenant, calendar) {
      if (s.failNext) {
        const e = s.failNext;
        s.failNext = undefined;
        throw e;
      }
      s.calls.push({ op: 'upsert', tenant, calendar });
    },
    async remove(tenant) {
      s.calls.push({ op: 'remove', tenant });
    },
    async startNow(tenant, requestedBy) {
      s.calls.push({ op: 'startNow', tenant, requestedBy });
      const digestId = `deadline-digest-${tenant}-manual-${++n}`;
      await recordDigestAttempt(
        t().deps.store.db,
        {
          id: digestId,
          tenantId: tenant,
          trigger: 'manual',
          channel: 'webhook',
          target: 'https://x.example.nl/hook',
          requestedBy,
          status: 'sent',
          attempt: 1,
          caseCount: 2,
          deadlineCount: 3,
          windowFrom: t().clock().toISOString(),
          windowTo: t().clock().toISOString(),
          statusCode: 204,
          error: null,
        },
        t().clock().toISOString(),
      );
      const result: DeadlineDigestResult = {
        digestId,
        status: 'sent',
        caseCount: 2,
        deadlineCount: 3,
        statusCode: 204,
        error: null,
      };
      return { digestId, result: async () => result };
    },
  };
  return s;
}

export interface AlertsTestApp extends StoreTestApp {
  app: Express;
  scheduler: FakeScheduler;
  admin(tenant: string, username?: string): Promise<Caller>;
}

/** The store's routes plus the alerts router, as app.ts mounts them, with a fake Temporal side. */
export async function createAlertsTestApp(
  dialect: SqlDialect,
  opts: { emailAvailable?: boolean } = {},
): Promise<AlertsTestApp> {
  const t = await createStoreTestApp(dialect);
  const scheduler = fakeScheduler(() => t);
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.use('/api/v1', createStoreRouter(t.deps));
  app.use(
    '/api/v1',
    createAlertsRouter({ auth: t.deps, scheduler, emailAvailable: opts.emailAvailable ?? false, env: {} }),
  );
  app.use(errorHandler({ error: () => undefined }));
  return Object.assign(t, {
    app,
    scheduler,
    admin: async (tenant: string, username = `admin-${tenant}`) =>
      caller(app, (await userCaller(t, tenant, username, ['admin'])).headers),
  });
}
