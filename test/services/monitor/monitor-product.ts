import type { Express } from 'express';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { hashPassword } from '../../../services/auth/password';
import type { Role } from '../../../services/auth/roles';
import { insertUser } from '../../../services/auth/users';
import { startProduct, tempDataDir, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { daysAgo } from '../../support/municipal-date';

/** The municipality's calendar date (support/municipal-date.ts), for the monitor's tests that import it from here. */
export { daysAgo };

export interface MonitorProduct extends RunningProduct {
  /** The product's app (it mounts the monitor and quota routers itself). */
  monitorApp: Express;
  session(tenant: string, username: string, roles: Role[]): Promise<Record<string, string>>;
}

const PASSWORD = 'monitor-test-wachtwoord-2026';

/** The real product in-process, plus a helper to sign in people with given roles. */
export async function startMonitorProduct(opts: { uiDir?: string } = {}): Promise<MonitorProduct> {
  const running = await startProduct(tempDataDir(), opts);
  const { product } = running;
  return {
    ...running,
    monitorApp: product.app,
    async session(tenant, username, roles) {
      await insertUser(
        product.store.db,
        {
          tenantId: tenant,
          username,
          roles,
          passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
          mustChangePassword: false,
        },
        new Date().toISOString(),
      );
      const login = await request(product.app)
        .post('/api/v1/auth/login')
        .send({ tenant, username, password: PASSWORD });
      if (login.status !== 200) throw new Error(`login failed ${login.status} ${JSON.stringify(login.body)}`);
      return {
        Cookie: String(login.get('Set-Cookie')?.[0] ?? '').split(';')[0] as string,
        'X-CSRF-Token': login.body.csrfToken as string,
      };
    },
  };
}

/** YYYY-MM-DD `days` days before today (UTC). */

/** A browser context signed in as `username` of the test municipality (cookie from a real login). */
export async function signedInPage(
  browser: Browser,
  base: string,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 } });
  const login = await context.request.post(`${base}/api/v1/auth/login`, {
    data: { tenant: TEST_TENANT, username, password: PASSWORD },
  });
  if (login.status() !== 200) throw new Error(`login ${username} failed: ${login.status()}`);
  return { context, page: await context.newPage() };
}
