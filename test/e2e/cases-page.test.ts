import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import {
  ADMIN_PASSWORD,
  eventually,
  startProduct,
  tempDataDir,
  TEST_TENANT,
  type RunningProduct,
} from '../support/runtime';
import { uniqueId } from '../support/factories';

const UI_DIR = path.resolve(__dirname, '..', '..', 'ui', 'dist');

/** Visibility in Temporal is eventually consistent: reload the case list until the case is in it. */
async function waitForCase(page: Page, caseRef: string): Promise<void> {
  await eventually(async () => {
    if ((await page.getByRole('link', { name: caseRef }).count()) > 0) return true;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor();
    return false;
  }, 30_000);
}

describe("case list in Chromium (the monitor's; /zaken redirects there)", () => {
  let product: RunningProduct;
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    product = await startProduct(tempDataDir(), { uiDir: UI_DIR });
    server = product.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    // Debian's Chromium with the sandbox's flags, its own interface in Dutch (date fields, messages).
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        '--lang=nl-NL',
      ],
    });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await product?.stop();
  }, 30_000);

  it("an old /zaken link opens the monitor's case list: steps by their labels, times in words, Dutch time", async () => {
    const refs = [uniqueId('ZAAK-A'), uniqueId('ZAAK-B')];
    for (const caseRef of refs) {
      const res = await request(product.app)
        .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
        .set(product.auth)
        .send({ caseRef, data: { municipality: TEST_TENANT, householdSize: 1, registrationDate: '2026-11-01' } });
      expect(res.status).toBe(201);
    }
    // A browser on another clock (New York) must still see Dutch days and hours.
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'America/New_York' });
    // The session cookie comes from a real login; the login form itself is the editor's to test.
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    // A bookmark of the old case list, with a filter: it lands on the monitor's list with the same filter.
    await page.goto(`${base}/zaken?processId=nareiziger-hotelverblijf`);
    // The app checks the session before it renders the page: wait for the heading, do not peek.
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/monitor/zaken');
    expect(new URL(page.url()).searchParams.get('processId')).toBe('nareiziger-hotelverblijf');
    // The main menu has no second case list; the monitor's own menu leads to it.
    await expect(
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zaken' }).count(),
    ).resolves.toBe(0);
    for (const ref of refs) await waitForCase(page, ref);
    const row = page.getByRole('row').filter({ hasText: refs[0] as string });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Wacht op hotelplaatsing');
    expect(text).not.toContain('wacht-op-hotelplaatsing');
    expect(text).toContain('Nareiziger: hotelverblijf');
    expect(text).toContain('Loopt');
    // Started now, shown in words on the clock of the Netherlands, not the browser's.
    const started = new Intl.DateTimeFormat('nl-NL', {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    }).format(new Date());
    expect(text).toContain(started);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cases-page.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  }, 60_000);
  it("the monitor speaks the app's language: the case page in Dutch, the list in English after the switch", async () => {
    const caseRef = uniqueId('ZAAK-C');
    const res = await request(product.app)
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(product.auth)
      .send({ caseRef, data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: '2026-11-02' } });
    expect(res.status).toBe(201);
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'America/New_York' });
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const violations: Record<string, string[]> = {};
    const shot = async (name: string) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
      violations[name] = await seriousA11yViolations(page);
    };

    await page.goto(`${base}/monitor/zaken?processId=nareiziger-hotelverblijf`);
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor({ timeout: 15_000 });
    await waitForCase(page, caseRef);
    await page.getByRole('link', { name: caseRef }).click();
    await page.getByRole('heading', { level: 1, name: caseRef }).waitFor();
    await page.getByText('Nareiziger: hotelverblijf').first().waitFor();
    await shot('monitor-case-page-nl');

    await page.getByRole('link', { name: 'Overzicht' }).click();
    // The overview's summary reads Temporal visibility: on a busy machine that takes a while.
    await page
      .getByRole('heading', { level: 1, name: 'Monitor' })
      .waitFor({ timeout: 60_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitor-dashboard-nl-failed.png'), fullPage: true });
        throw e;
      });
    await page.getByText('Termijnen').first().waitFor();
    await shot('monitor-dashboard-nl');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: caseRef });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Family reunifier: hotel stay');
    expect(text).toContain('Waiting for hotel placement');
    const started = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    expect(text).toContain(started);
    await shot('monitor-case-list-en');
    await context.close();

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  }, 150_000);

  it('a term that is a calendar day reads as the day, without the clock time of midnight UTC (issue 14)', async () => {
    // A household of cohort 1 of the Ukrainian transition: its terms count from the cohort start and
    // the end of temporary protection, both dates (phasing and norms parameters).
    const caseRef = uniqueId('GOO');
    const res = await request(product.app)
      .post('/api/v1/processes/overgang-oekraine/cases')
      .set(product.auth)
      .send({
        caseRef,
        data: { municipality: TEST_TENANT, cohort: 'cohort-1', householdSize: 3, numberOfChildren: 1 },
      });
    expect(res.status).toBe(201);
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'America/New_York' });
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${base}/monitor/zaken?processId=overgang-oekraine`);
    await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor({ timeout: 15_000 });
    await waitForCase(page, caseRef);
    await page.getByRole('link', { name: caseRef }).click();
    await page.getByRole('heading', { level: 1, name: caseRef }).waitFor();
    const term = (label: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: label }) })
        .getByRole('cell')
        .first();
    // The definition is read after the case: the day alone once the page knows how the term is counted.
    await eventually(
      async () => /^\d{1,2} \p{L}+ \d{4}$/u.test(await term('Inschrijving geregeld').innerText()),
      15_000,
    );
    // Four weeks from the cohort start (1 September 2026), one month before the end date (4 March 2027).
    expect(await term('Inschrijving geregeld').innerText()).toBe('29 september 2026');
    expect(await term('Huisvesting geregeld').innerText()).toBe('4 februari 2027');
    // Every case term (Zaaktermijn) is a day; only terms counted from a moment (a proposal) may carry a time.
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Termijnen' }) });
    const rows = await table.locator('tbody tr').allInnerTexts();
    const caseTerms = rows.filter((r) => r.startsWith('Zaaktermijn'));
    expect(caseTerms).toHaveLength(5);
    expect(caseTerms.filter((r) => / om \d{1,2}:\d{2}/.test(r))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monitor-case-terms-nl.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
