import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { freePort } from '../../platform/temporal/free-port';
import { hashPassword } from '../../services/auth/password';
import type { Role } from '../../services/auth/roles';
import { insertUser } from '../../services/auth/users';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { OTHER_TENANT, startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';

/**
 * Issue 15, item 5: Temporal's own web UI (TEMPORAL_UI=true) shows a case's input decrypted through
 * Doorstroom's codec endpoint to a signed-in supervisor of the case's municipality, in the same
 * browser, with the UI's "include cross-origin credentials" setting on (the session cookie then
 * travels with the codec calls; SameSite=Strict allows it, the UI and Doorstroom being one site);
 * a designer, or another municipality's supervisor, still sees ciphertext.
 */
const PASSWORD = 'temporal-ui-wachtwoord-2026';
/** The case reference is a search attribute (shown in clear): the input's other fields are the test. */
const MARKER = 'ZAAK-UI-CODEC-0001';

describe('Temporal Web UI decrypts through the codec endpoint, for the right people only (Chromium)', () => {
  let product: RunningProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let ui: string;
  let caseId: string;

  beforeAll(async () => {
    const port = await freePort();
    const uiPort = await freePort();
    product = await startProduct(undefined, {
      env: { PORT: String(port), TEMPORAL_UI: 'true', TEMPORAL_UI_PORT: String(uiPort) },
    });
    server = product.app.listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://localhost:${port}`;
    ui = `http://localhost:${uiPort}`;
    const users: [string, string, Role[]][] = [
      [TEST_TENANT, 'toezicht', ['supervisor']],
      [TEST_TENANT, 'ontwerper', ['designer']],
      [OTHER_TENANT, 'toezicht-utrecht', ['supervisor']],
    ];
    for (const [tenantId, username, roles] of users)
      await insertUser(
        product.product.store.db,
        {
          tenantId,
          username,
          roles,
          passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
          mustChangePassword: false,
        },
        new Date().toISOString(),
      );
    const started = await request(product.app)
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(product.auth)
      .send({ caseRef: MARKER, data: { municipality: TEST_TENANT, householdSize: 3, registrationDate: '2026-11-20' } });
    expect(started.status).toBe(201);
    caseId = started.body.caseId as string;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    await product?.stop();
  }, 60_000);

  /** A browser signed in to Doorstroom as this user, with the Temporal UI's codec settings as a person sets them. */
  async function signedIn(tenant: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/api/v1/healthz`);
    const status = await page.evaluate(
      async ([t, u, p]) =>
        (
          await fetch('/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tenant: t, username: u, password: p }),
          })
        ).status,
      [tenant, username, PASSWORD] as const,
    );
    expect(status).toBe(200);
    // The Temporal UI's "Codec Server" dialog keeps these in its origin's localStorage.
    await page.goto(`${ui}/`);
    await page.evaluate((endpoint) => {
      localStorage.setItem('endpoint', JSON.stringify(endpoint));
      localStorage.setItem('includeCredentials', 'true');
      localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
    }, `${base}/api/v1/codec`);
    return { context, page };
  }

  /** The case's page in the Temporal UI, once its Input box shows something; the page's text. */
  async function caseInputPage(page: Page, name: string): Promise<string> {
    await page.goto(`${ui}/namespaces/default/workflows/${encodeURIComponent(caseId)}`);
    // Decoding is asynchronous: the Input box shows the decoded JSON, or the ciphertext with a banner.
    await page
      .locator('text=/"formatVersion"|Codec Server could not connect/ >> visible=true')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `temporal-ui-codec-${name}.png`), fullPage: true });
    return page.locator('body').innerText();
  }

  it("shows the case's input decrypted to a supervisor of the case's municipality", async () => {
    const { context, page } = await signedIn(TEST_TENANT, 'toezicht');
    const seen = await caseInputPage(page, 'supervisor');
    // The input as the case started: its process definition's title and the case's municipality, in clear.
    expect(seen).toContain('"formatVersion"');
    expect(seen).toContain('Nareiziger: hotelverblijf');
    expect(seen).not.toContain('Codec Server could not connect');
    await context.close();
  }, 120_000);

  it.each([
    ['a designer of the same municipality', TEST_TENANT, 'ontwerper', 'designer'],
    ["another municipality's supervisor", OTHER_TENANT, 'toezicht-utrecht', 'other-municipality'],
  ])(
    'shows %s only ciphertext',
    async (_who, tenant, username, name) => {
      const { context, page } = await signedIn(tenant, username);
      const seen = await caseInputPage(page, name);
      // The codec refused (403): the UI says so and shows the encrypted payload as it is.
      expect(seen).toContain('Codec Server could not connect');
      expect(seen).not.toContain('"formatVersion"');
      expect(seen).not.toContain('Nareiziger: hotelverblijf');
      await context.close();
    },
    120_000,
  );
});
