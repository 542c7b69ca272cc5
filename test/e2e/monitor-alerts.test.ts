import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { verifyWebhookSignature } from '../../services/webhooks/signature';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A digest receiver on 127.0.0.1 that keeps what it gets and answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/termijnen`, received };
}

describe('monitor in Chromium: Meldingen (deadline digest) for administrators', () => {
  let p: MonitorProduct;
  let server: Server;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    p = await startMonitorProduct({ uiDir: path.join(ROOT, 'ui', 'dist') });
    server = p.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await p.session(TEST_TENANT, 'beheer', ['admin']);
    await p.session(TEST_TENANT, 'toezicht', ['supervisor']);
    receiver = await startReceiver();

    // One hotel stay whose COA-paid period ends within the week, so the digest has a deadline to list.
    const api = request(p.monitorApp);
    const started = await api
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(p.auth)
      .send({
        caseRef: uniqueId('E2E'),
        data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: daysAgo(200) },
      });
    expect(started.status).toBe(201);
    const caseId = started.body.caseId as string;
    const send = () =>
      api
        .post(`/api/v1/cases/${caseId}/events`)
        .set(p.auth)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: daysAgo(177), hotelMunicipality: TEST_TENANT } });
    await eventually(async () => (await send()).status === 200, 20_000);
    await eventually(async () => {
      const q = `deadlineAfter=${new Date().toISOString()}&deadlineBefore=${new Date(Date.now() + 7 * 86_400_000).toISOString()}&limit=10`;
      return (await api.get(`/api/v1/cases?${q}`).set(p.auth)).body.cases?.length > 0;
    }, 30_000);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    receiver?.server.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  const signedIn = (username: string) => signedInPage(browser, base, username);
  const axe = async (page: Page, name: string): Promise<void> => {
    expect({ screen: name, violations: await seriousA11yViolations(page, { wcagOnly: false }) }).toEqual({
      screen: name,
      violations: [],
    });
  };

  it('lets an admin set up a webhook digest, shows the secret once, sends now and logs it as sent', async () => {
    const { context, page } = await signedIn('beheer');
    await page.goto(`${base}/monitor`);
    await page.getByRole('link', { name: 'Meldingen' }).click();
    await page.getByRole('heading', { name: 'Meldingen: termijnoverzicht', level: 1 }).waitFor();
    await page.getByText('Nog geen termijnoverzicht ingesteld.').waitFor();
    await axe(page, 'meldingen (new)');

    // A URL the policy refuses: the API's message appears at the URL field, nothing is saved.
    await page.getByLabel('Webhook-URL').fill('http://example.org/termijnen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The field is marked invalid once the API has answered; only then does it point at the error
    // (read before, aria-describedby may still name the field's hint, which also mentions https).
    const urlField = page.getByLabel('Webhook-URL');
    await urlField.and(page.locator('[aria-invalid="true"]')).waitFor();
    const describedBy = (await urlField.getAttribute('aria-describedby')) ?? '';
    const urlError = page.locator(`[id="${describedBy.split(' ').pop() ?? ''}"]`);
    await urlError.filter({ hasText: /https/ }).waitFor();
    expect(receiver.received).toHaveLength(0);

    await page.getByLabel('Dagen vooruit').fill('7');
    await page.getByLabel('Tijdstip (Nederlandse tijd)').fill('07:30');
    await page.getByLabel('donderdag').check();
    await page.getByLabel('Webhook-URL').fill(receiver.url);
    await page.getByLabel('Reden (audit trail)').fill('proef voor het team huisvesting');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    const secret = (await page.getByTestId('alert-secret').locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    const saved = await request(p.monitorApp)
      .get('/api/v1/alerts/deadline-digest')
      .set(await p.session(TEST_TENANT, 'beheer2', ['admin']));
    expect(saved.body).toMatchObject({
      enabled: true,
      daysAhead: 7,
      schedule: { hour: 7, minute: 30, daysOfWeek: ['MONDAY', 'THURSDAY'] },
      delivery: { channel: 'webhook', url: receiver.url },
    });

    await page.getByRole('button', { name: 'Nu versturen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Termijnoverzicht verstuurd: \d+ zaken/ })
      .waitFor({ timeout: 45_000 });
    await page
      .getByTestId('digest-log')
      .locator('tbody tr')
      .filter({ hasText: 'verstuurd' })
      .filter({ hasText: 'handmatig' })
      .waitFor();

    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received as [Received];
    expect(got.headers['doorstroom-event-type']).toBe('deadline-digest');
    expect(
      verifyWebhookSignature({ secret, header: got.headers['doorstroom-signature'] as string, body: got.body }),
    ).toMatchObject({ ok: true });
    const digest = JSON.parse(got.body);
    expect(digest).toMatchObject({ type: 'deadline-digest', tenant: TEST_TENANT, window: { daysAhead: 7 } });
    expect(digest.totals.deadlines).toBeGreaterThanOrEqual(1);

    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitor-alerts.png'), fullPage: true });
    await axe(page, 'meldingen (sent)');

    // Shown once: after a reload the secret is gone, the settings stay.
    await page.reload();
    await page.getByLabel('Webhook-URL').waitFor();
    expect(await page.getByLabel('Webhook-URL').inputValue()).toBe(receiver.url);
    expect(await page.getByTestId('alert-secret').count()).toBe(0);
    await context.close();
  }, 120_000);

  it('does not offer Meldingen to a supervisor, and says why on the address itself', async () => {
    const { context, page } = await signedIn('toezicht');
    await page.goto(`${base}/monitor`);
    await page.getByRole('link', { name: 'Taakstelling instellen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Meldingen' }).count()).toBe(0);
    await page.goto(`${base}/monitor/meldingen`);
    await page
      .getByTestId('alerts-admins-only')
      .filter({ hasText: 'Alleen beheerders kunnen meldingen instellen.' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Nu versturen' }).count()).toBe(0);
    await axe(page, 'meldingen (supervisor)');
    const api = await request(p.monitorApp)
      .get('/api/v1/alerts/deadline-digest')
      .set(await p.session(TEST_TENANT, 'toezicht2', ['supervisor']));
    expect(api.status).toBe(403);
    await context.close();
  }, 60_000);
});
