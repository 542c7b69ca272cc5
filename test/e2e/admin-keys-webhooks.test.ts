import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureDelivery, markFailed, recordAttempt } from '../../services/webhooks/deliveries';
import { verifyWebhookSignature } from '../../services/webhooks/signature';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { signInLocally, startAdminApp, type AdminE2eApp } from '../support/oidc-admin-app';
import { addTenant, addUser, TEST_PASSWORD } from '../support/store-app';

const TENANT = 'GM0599';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `admin-${name}.png`), fullPage: true });

describe('Beheer in Chromium: API keys, webhooks, audit log and municipalities from the web app', () => {
  let a: AdminE2eApp;
  let browser: Browser;
  let page: Page;
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    a = await startAdminApp();
    await addTenant(a.t, TENANT, 'Rotterdam');
    await addUser(a.t, TENANT, 'beheerder', ['admin', 'national-admin']);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/doorstroom`;
    browser = await launchBrowser();
    ({ page } = await signInLocally(browser, a.base, TENANT, 'beheerder', TEST_PASSWORD));
    page.on('dialog', (d) => void d.accept());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    receiver?.close();
    await a?.stop();
  });

  const tab = async (name: string) => {
    await page.getByRole('tab', { name, exact: true }).click();
    await page.getByRole('tabpanel').waitFor();
  };

  it('creates an API key with permissions, shows its secret once, and a municipal system uses it', async () => {
    await page.goto(`${a.base}/beheer?tab=apiKeys`);
    await page.getByRole('heading', { name: 'API-sleutels' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Naam', { exact: true }).fill('Zaaksysteem Rotterdam');
    await page.getByRole('checkbox', { name: /regelsets lezen/ }).check();
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
    const secret = await page.getByTestId('secret-once').inputValue();
    expect(secret).toMatch(/^dsk_/);
    await shot(page, 'api-key-created');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const use = () => fetch(`${a.base}/api/v1/rulesets`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await use()).status).toBe(200);
    await page.getByRole('button', { name: 'Ik heb het geheim bewaard' }).click();
    await expect(page.getByTestId('secret-once').count()).resolves.toBe(0);
    await page.reload();
    const row = page.getByRole('row', { name: /Zaaksysteem Rotterdam/ });
    await expect(row.textContent()).resolves.not.toMatch(/nooit/);
    await page.getByRole('button', { name: 'Intrekken: Zaaksysteem Rotterdam' }).click();
    await page.getByRole('row', { name: /Zaaksysteem Rotterdam.*ingetrokken/ }).waitFor();
    expect((await use()).status).toBe(401);
  });

  it('subscribes a webhook, shows its secret once, and sends a signed test delivery', async () => {
    await page.goto(`${a.base}/beheer?tab=webhooks`);
    await page.getByLabel('Adres (URL)').fill(receiverUrl);
    await page.getByLabel('Omschrijving').fill('Termijnen naar het zaaksysteem');
    await page.getByRole('button', { name: 'Abonnement toevoegen' }).click();
    const secret = await page.getByTestId('secret-once').inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: `Testbericht sturen: ${receiverUrl}` }).click();
    await page.getByText('Testbericht afgeleverd (HTTP 200).').waitFor();
    await shot(page, 'webhook-test-delivery');
    expect(received).toHaveLength(1);
    const verified = verifyWebhookSignature({
      secret,
      header: received[0]!.headers['doorstroom-signature'] as string,
      body: received[0]!.body,
      now: Math.floor(a.t.clock().getTime() / 1000),
    });
    expect(verified.ok).toBe(true);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'doorstroom.test', tenant: TENANT });

    // A case event whose receiver kept failing (the worker's retries), as the delivery log shows it.
    const subs = await (await page.context().request.get(`${a.base}/api/v1/webhooks/subscriptions`)).json();
    const db = a.t.deps.store.db;
    const now = a.t.clock().toISOString();
    const { delivery } = await ensureDelivery(
      db,
      {
        tenantId: TENANT,
        subscriptionId: subs.items[0].id,
        eventId: 'evt-e2e-1',
        eventType: 'case.completed',
        caseId: 'GM0599-nareiziger-hotelverblijf-e2e',
        workflowId: 'GM0599-nareiziger-hotelverblijf-e2e',
      },
      now,
    );
    for (const attempt of [1, 2, 3])
      await recordAttempt(db, delivery.id, { attempt, statusCode: 503, error: null, delivered: false }, now);
    await markFailed(db, delivery.id, 'receiver answered HTTP 503', now);
    await page.reload();
    await page.getByRole('row', { name: /case\.completed.*mislukt\s*3\s*HTTP 503/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'webhook-delivery-log');
  });

  it('searches the audit log and exports what it found as CSV', async () => {
    await page.goto(`${a.base}/beheer?tab=audit`);
    await page.getByLabel('Actie (of begin, bijv. apiKey.)').fill('apiKey.');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('cell', { name: 'apiKey.revoke' }).waitFor();
    await expect(page.getByRole('cell', { name: 'webhook.test' }).count()).resolves.toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'audit-log');
    const href = await page.getByRole('link', { name: 'Exporteren (CSV)' }).getAttribute('href');
    expect(href).toBe('/api/v1/audit/export.csv?action=apiKey.');
    const csv = await page.context().request.get(`${a.base}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toMatch(/apiKey\.create/);
    expect(text).not.toMatch(/webhook\.test/);
  });

  it('creates a municipality from the CBS list and disables it (national administrator)', async () => {
    await page.goto(`${a.base}/beheer?tab=municipalities`);
    await page.getByLabel(/Gemeente uit de CBS-lijst/).selectOption('GM0363');
    await page.getByRole('button', { name: 'Gemeente aanmaken' }).click();
    await page.getByText(/Gemeente Amsterdam is aangemaakt\. Eenmalig wachtwoord voor beheerder/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Uitschakelen: Amsterdam' }).click();
    await page.getByRole('row', { name: /GM0363.*uitgeschakeld/ }).waitFor();
    await shot(page, 'municipalities');
  });

  it('keeps every tab axe-clean, in Dutch and in English', async () => {
    for (const name of ['Gebruikers', 'Sessies', 'Notificaties', 'Gemeente']) {
      await page.goto(`${a.base}/beheer`);
      await tab(name);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot(page, `tab-${name.toLowerCase()}`);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await tab('API keys');
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await tab('Audit log');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'audit-log-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});
