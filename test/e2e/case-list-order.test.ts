import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');
const HOTEL = 70;

describe('case list in Chromium: the server orders every page; step labels from the case’s own version', () => {
  let p: MonitorProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let housed: string;

  beforeAll(async () => {
    // The real app shell, built by `npm test`'s pretest (npm run build:ui).
    p = await startMonitorProduct({ uiDir: path.join(ROOT, 'ui', 'dist') });
    server = p.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await p.session(TEST_TENANT, 'toezicht', ['supervisor']);
    const api = request(p.monitorApp);
    const send = async (caseId: string, name: string, payload: object) => {
      let ev = await api.post(`/api/v1/cases/${caseId}/events`).set(p.auth).send({ name, payload });
      for (let i = 0; i < 40 && ev.status === 409 && ev.body.error?.code === 'CASE_NOT_WAITING'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ev = await api.post(`/api/v1/cases/${caseId}/events`).set(p.auth).send({ name, payload });
      }
      if (ev.status !== 200) throw new Error(`event ${ev.status} ${JSON.stringify(ev.body)}`);
    };
    const ids: string[] = [];
    for (let i = 0; i < HOTEL; i += 7)
      await Promise.all(
        Array.from({ length: Math.min(7, HOTEL - i) }, async (_, k) => {
          const n = i + k;
          const res = await api
            .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
            .set(p.auth)
            .send({
              caseRef: uniqueId('VOLGORDE'),
              data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: daysAgo(200) },
            });
          if (res.status !== 201) throw new Error(`start ${res.status}`);
          const caseId = res.body.caseId as string;
          ids.push(caseId);
          // Placed 0–170 days ago: the COA-paid period (the next deadline) ends on as many different days.
          await send(caseId, 'hotel-geplaatst', {
            placementDate: daysAgo((n * 37) % 171),
            hotelMunicipality: TEST_TENANT,
          });
        }),
      );
    housed = ids[0] as string;
    await send(housed, 'woning-gevonden', { tenancyStartDate: daysAgo(1) });
    await eventually(async () => {
      const res = await api.get('/api/v1/cases?limit=200&sort=nextDeadline').set(p.auth);
      const list = res.body.cases as Array<{ caseId: string; status: string }>;
      return list.length === HOTEL && list.find((c) => c.caseId === housed)?.status === 'completed';
    }, 60_000);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  it('shows pages 1 and 2 in the server’s deadline order, both directions, and the end step by its label', async () => {
    const api = request(p.monitorApp);
    const all = (await api.get('/api/v1/cases?limit=200&sort=nextDeadline').set(p.auth)).body.cases as Array<{
      caseId: string;
      nextDeadline?: string;
      stepLabel?: { nl: string };
    }>;
    // The finished case has no deadline: last; its step is the end step, by its label.
    expect(all[all.length - 1]?.caseId).toBe(housed);
    expect(all[all.length - 1]?.stepLabel?.nl).toBe('Gehuisvest');
    expect(all.find((c) => c.nextDeadline)?.stepLabel?.nl).toBe('Hotelverblijf (door COA betaald)');

    const { page } = await signedInPage(browser, base, 'toezicht');
    await page.goto(`${base}/monitor/zaken`);
    await page.getByTestId('case-table').waitFor();
    await page.getByRole('button', { name: 'Volgende termijn' }).click();
    await page.waitForURL(/sort=nextDeadline/);
    const rowIds = () =>
      page
        .getByTestId('case-table')
        .locator('tbody tr')
        .evaluateAll((rows: Element[]) => rows.map((r) => r.getAttribute('data-case-id')));
    await eventually(
      async () => JSON.stringify(await rowIds()) === JSON.stringify(all.slice(0, 50).map((c) => c.caseId)),
    );
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Volgende termijn');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitor-case-list-deadline-order.png'), fullPage: true });
    await page.getByRole('button', { name: 'Volgende pagina' }).click();
    await eventually(async () => JSON.stringify(await rowIds()) === JSON.stringify(all.slice(50).map((c) => c.caseId)));
    const last = page.locator(`tr[data-case-id="${housed}"]`);
    expect(await last.textContent()).toContain('Gehuisvest');
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'monitor-case-list-deadline-order-page2.png'),
      fullPage: true,
    });

    // Again: descending, from page 1; cases without a deadline still last.
    await page.getByRole('button', { name: 'Volgende termijn' }).click();
    await page.waitForURL(/sort=-nextDeadline/);
    const desc = (await api.get('/api/v1/cases?limit=50&sort=-nextDeadline').set(p.auth)).body.cases as Array<{
      caseId: string;
    }>;
    await eventually(async () => JSON.stringify(await rowIds()) === JSON.stringify(desc.map((c) => c.caseId)));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Volgende termijn');
    // Only the columns the server orders by can be sorted.
    expect(await page.getByRole('button', { name: 'Referentie' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitor-case-list-deadline-desc.png'), fullPage: true });
  }, 120_000);
});
