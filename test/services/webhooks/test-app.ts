import express, { type Express } from 'express';
import type { EgressGuard } from '../../../platform/egress/egress-guard';
import { errorHandler } from '../../../server/error-handler';
import { createNotificatiesRouter, type NotificatiesRouterDeps } from '../../../server/routes/notificaties';
import { createStoreRouter } from '../../../server/routes/store-router';
import { createWebhooksRouter } from '../../../server/routes/webhooks';
import type { SqlDialect } from '../../../platform/store/create-store';
import { caller, createStoreTestApp, userCaller, type Caller, type StoreTestApp } from '../../support/store-app';

/** The store's routes plus the webhook and notificatie routes, as app.ts will mount them. */
export interface IntegrationTestApp extends StoreTestApp {
  app: Express;
  admin(tenant: string, username?: string): Promise<Caller>;
  as(headers: Record<string, string>): Caller;
}

export async function createIntegrationTestApp(
  dialect: SqlDialect,
  notificaties?: Partial<Omit<NotificatiesRouterDeps, 'auth'>>,
  egress?: (t: StoreTestApp) => EgressGuard,
): Promise<IntegrationTestApp> {
  const t = await createStoreTestApp(dialect);
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.use('/api/v1', createStoreRouter(t.deps));
  app.use('/api/v1', createWebhooksRouter({ auth: t.deps, egress: egress?.(t) }));
  app.use(
    '/api/v1',
    createNotificatiesRouter({
      auth: t.deps,
      cases: notificaties?.cases ?? {
        start: async () => ({ caseId: 'none', created: false }),
        sendEvent: async () => ({ accepted: true, event: 'x', currentStep: null, status: 'running' }),
      },
      caseIdOf: notificaties?.caseIdOf ?? ((tenant, processId, ref) => `${tenant}-${processId}-${ref}`),
      log: notificaties?.log ?? { info: () => undefined },
      workflows: notificaties?.workflows,
    }),
  );
  app.use(errorHandler({ error: () => undefined }));
  return Object.assign(t, {
    app,
    // Log in through the store's app; the session cookie is valid for this app too.
    admin: async (tenant: string, username = `admin-${tenant}`) =>
      caller(app, (await userCaller(t, tenant, username, ['admin'])).headers),
    as: (headers: Record<string, string>) => caller(app, headers),
  });
}
