import express, { type Express } from 'express';
import request from 'supertest';
import { hashPassword } from '../../../server/auth/password';
import type { Role } from '../../../server/auth/roles';
import { insertUser } from '../../../server/auth/users';
import { errorHandler } from '../../../server/errors';
import { createLiveHub, type LiveHub } from '../../../server/monitor/live-hub';
import { createMonitorRouter } from '../../../server/routes/monitor';
import { createQuotaRouter } from '../../../server/routes/quota';
import { systemClock } from '../../../server/store/clock';
import { storeDefinitionSource } from '../../../server/wiring/store-sources';
import { startProduct, tempDataDir, type RunningProduct } from '../../support/runtime';

export interface MonitorProduct extends RunningProduct {
  /** The product's app with the monitor and quota routers in front (until server/app.ts mounts them itself). */
  monitorApp: Express;
  hub: LiveHub;
  session(tenant: string, username: string, roles: Role[]): Promise<Record<string, string>>;
}

const PASSWORD = 'monitor-test-wachtwoord-2026';

/** The real product in-process, with the monitor's routers mounted before its own. */
export async function startMonitorProduct(opts: { uiDir?: string } = {}): Promise<MonitorProduct> {
  const running = await startProduct(tempDataDir(), opts);
  const { product } = running;
  const hub = createLiveHub({ client: product.runtime.client, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const monitorApp = express();
  monitorApp.disable('x-powered-by');
  monitorApp.use('/api/v1/monitor', express.json({ limit: '256kb' }));
  monitorApp.use('/api/v1/quota', express.json({ limit: '256kb' }));
  monitorApp.use('/api/v1', createMonitorRouter({
    auth: product.storeDeps, cases: product.cases, definitions: storeDefinitionSource(product.store, systemClock),
    client: product.runtime.client, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default', codec: product.runtime.codec, hub,
  }));
  monitorApp.use('/api/v1', createQuotaRouter({ auth: product.storeDeps }));
  monitorApp.use(product.app);
  monitorApp.use(errorHandler({ error: () => undefined }));
  return {
    ...running, monitorApp, hub,
    async session(tenant, username, roles) {
      await insertUser(product.store.db, { tenantId: tenant, username, roles, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false }, new Date().toISOString());
      const login = await request(monitorApp).post('/api/v1/auth/login').send({ tenant, username, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login failed ${login.status} ${JSON.stringify(login.body)}`);
      return { Cookie: String(login.get('Set-Cookie')?.[0] ?? '').split(';')[0] as string, 'X-CSRF-Token': login.body.csrfToken as string };
    },
    async stop() {
      hub.stop();
      await running.stop();
    },
  };
}

export const PASSWORD_FOR_TESTS = PASSWORD;

/** YYYY-MM-DD `days` days before today (UTC). */
export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
