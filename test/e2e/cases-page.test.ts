import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { ADMIN_PASSWORD, startProduct, tempDataDir, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';

const UI_DIR = path.resolve(__dirname, '..', '..', 'ui', 'dist');

describe('cases page in Chromium', () => {
  let product: RunningProduct;
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    product = await startProduct(tempDataDir(), { uiDir: UI_DIR });
    server = product.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await product?.stop();
  }, 30_000);

  it('lists the cases started through the API, with step and status in Dutch', async () => {
    const refs = [uniqueId('ZAAK-A'), uniqueId('ZAAK-B')];
    for (const caseRef of refs) {
      const res = await request(product.app)
        .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
        .set(product.auth)
        .send({ caseRef, data: { municipality: TEST_TENANT, householdSize: 1, registrationDate: '2026-11-01' } });
      expect(res.status).toBe(201);
    }
    const context = await browser.newContext({ locale: 'nl-NL' });
    // The session cookie comes from a real login; the login form itself is the editor's to test.
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${base}/zaken`);
    // The app checks the session before it renders the page: wait for the heading, do not peek.
    await page.getByRole('heading', { name: 'Zaken' }).waitFor({ timeout: 15_000 });
    // The page polls every 5 s; visibility in Temporal is eventually consistent.
    for (const ref of refs) await page.getByRole('cell', { name: ref }).waitFor({ timeout: 20_000 });
    const row = page.getByRole('row').filter({ hasText: refs[0] as string });
    await expect(row.textContent()).resolves.toContain('wacht-op-hotelplaatsing');
    await expect(row.textContent()).resolves.toContain('Loopt');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cases-page.png'), fullPage: true });
    await context.close();
  }, 60_000);
});
