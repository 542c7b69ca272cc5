import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keyRing } from '../../platform/codec/codec-keys';
import { createEgressGuard } from '../../platform/egress/egress-guard';
import { secretBox } from '../../platform/codec/secret-box';
import { errorHandler } from '../../server/error-handler';
import { createMunicipalityProfileRouter } from '../../server/routes/municipality-profile';
import { createNotificatiesRouter } from '../../server/routes/notificaties';
import { createStoreRouter } from '../../server/routes/store-router';
import { createWebhooksRouter } from '../../server/routes/webhooks';
import { createStoreTestApp, type StoreTestApp } from './store-app';

const UI_DIR = path.resolve(__dirname, '..', '..', 'ui', 'dist');

export interface AdminE2eApp {
  t: StoreTestApp;
  base: string;
  stop(): Promise<void>;
}

/**
 * The administration's routes and the built UI on a real port, without Temporal: the store's
 * routes (auth, OIDC, users, keys, audit, admin), webhooks, Notificaties mappings and the
 * municipality profile — what the Beheer screens call — behind the same helmet headers as the app.
 */
export async function startAdminApp(options: { refreshMs?: number } = {}): Promise<AdminE2eApp> {
  const t = await createStoreTestApp('sqlite');
  const app = express();
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(express.json({ limit: '256kb' }));
  app.use('/api/v1', createWebhooksRouter({ auth: t.deps }));
  app.use(
    '/api/v1',
    createNotificatiesRouter({
      auth: t.deps,
      cases: {} as never,
      caseIdOf: () => 'unused',
      log: { info: () => undefined, warn: () => undefined, error: () => undefined } as never,
    }),
  );
  app.use('/api/v1', createMunicipalityProfileRouter({ auth: t.deps }));
  app.use('/api/v1', createStoreRouter(t.deps));
  app.use(express.static(UI_DIR, { index: 'index.html' }));
  app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(UI_DIR, 'index.html')));
  app.use(errorHandler({ error: () => undefined }));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  // The app at localhost, the test provider at 127.0.0.1: two hosts, as a real deployment has.
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  t.deps.oidc = {
    box: secretBox(keyRing([{ id: 'e2e', key: randomBytes(32) }])),
    egress: createEgressGuard({ allowLoopback: true, allowHttp: false }),
    publicUrl: base,
    ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
  };
  return {
    t,
    base,
    async stop() {
      await new Promise((r) => server.close(r));
      await t.dispose();
    },
  };
}

/** A fresh browser context signed in with a local password through the login page. */
export async function signInLocally(
  browser: Browser,
  base: string,
  tenant: string,
  username: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel('Gemeentecode').fill(tenant);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('link', { name: 'Beheer' }).waitFor();
  return { context, page };
}
