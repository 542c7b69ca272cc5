import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import {
  dutchDay,
  publishTransitionCalendar,
  transitionCalendar,
  type TransitionCalendar,
} from '../support/transition-calendar';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');
/**
 * Households per cohort. The municipality's phasing is set from the test's today
 * (support/transition-calendar.ts): cohort-1 started five weeks ago, so its registration term has passed.
 */
const COHORTS: Array<[cohort: string, n: number]> = [
  ['cohort-1', 4],
  ['cohort-2', 2],
  ['cohort-3', 1],
];

describe('Ukrainian transition in Chromium: the GOO list imported in the monitor, progress per cohort', () => {
  let p: MonitorProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let sessions: Record<'toezicht' | 'behandelaar' | 'beheer' | 'ontwerper' | 'goedkeurder', Record<string, string>>;
  let calendar: TransitionCalendar;
  const refs = COHORTS.flatMap(([cohort, n]) => Array.from({ length: n }, () => ({ cohort, ref: uniqueId('HH') })));

  beforeAll(async () => {
    // The real app shell, built by `npm test`'s pretest (npm run build:ui); E2E_UI_DIR: a build elsewhere.
    p = await startMonitorProduct({ uiDir: process.env.E2E_UI_DIR ?? path.join(ROOT, 'ui', 'dist') });
    server = p.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    sessions = {
      toezicht: await p.session(TEST_TENANT, 'toezicht', ['supervisor']),
      behandelaar: await p.session(TEST_TENANT, 'behandelaar', ['behandelaar']),
      beheer: await p.session(TEST_TENANT, 'beheer', ['admin']),
      ontwerper: await p.session(TEST_TENANT, 'ontwerper', ['designer']),
      goedkeurder: await p.session(TEST_TENANT, 'goedkeurder', ['approver']),
    };
    // Not the built-in dates (4 March 2027 passes): the municipality's own phasing, from today.
    calendar = transitionCalendar(daysAgo(0));
    await publishTransitionCalendar(
      p.monitorApp,
      { designer: sessions.ontwerper, approver: sessions.goedkeurder },
      calendar,
    );
    const profile = await request(p.monitorApp)
      .put('/api/v1/municipality/profile')
      .set(sessions.beheer)
      .send({
        address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
        signatory: { name: 'J. de Vries', function: 'teamleider Wonen' },
        byeLaw: {
          name: 'Huisvestingsverordening Amsterdam',
          year: 2024,
          articles: { 'housing-priority': 'art. 2.6.1' },
        },
        court: 'Rechtbank Amsterdam',
      });
    if (profile.status !== 200) throw new Error(`profile ${profile.status}`);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  it('imports the list through the upload (errors by line first, nothing started), then shows each cohort against the end date', async () => {
    const { context, page } = await signedInPage(browser, base, 'toezicht');
    await page.goto(`${base}/monitor`);
    await page.getByRole('link', { name: 'Overgang Oekraïne' }).click();
    await page.getByRole('heading', { name: 'Overgang Oekraïense ontheemden', level: 1 }).waitFor();
    // The end date in words, with its source.
    const end = page.getByTestId('transition-end');
    await end.waitFor();
    expect(await end.innerText()).toContain(
      `Einde tijdelijke bescherming: ${dutchDay(calendar.endOfTemporaryProtection)}`,
    );
    expect(await end.innerText()).toMatch(/Bron: Uitvoeringsbesluit van de Raad/);

    // A list with an error: the table names line and column in Dutch; nothing starts.
    const file = page.getByLabel('Bestand (CSV)');
    const upload = async (csv: string) => {
      await file.setInputFiles({ name: 'goo-bewoners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Lijst importeren' }).click();
    };
    const header = 'referentie;cohort;huishoudgrootte;kinderen';
    await upload(`${header}\n${refs[0]?.ref};cohort-1;3;1\n${uniqueId('HH')};cohort-9;2;0\n`);
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/3\s+cohort\s+Cohort "cohort-9" staat niet in de fasering/);
    expect(await page.getByRole('status').innerText()).toMatch(/er is niets gestart/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'transition-import-errors.png'), fullPage: true });
    const listed = await request(p.monitorApp).get('/api/v1/cases?processId=overgang-oekraine').set(p.auth);
    expect(listed.body.cases).toEqual([]);

    // The whole list: every household started.
    const csv = `${header}\n${refs.map((r) => `${r.ref};${r.cohort};2;0`).join('\n')}\n`;
    await upload(csv);
    await page
      .getByText(`${refs.length} huishoudens in de lijst: ${refs.length} gestart, 0 hadden al een zaak.`)
      .waitFor();
    // Again: nothing starts twice.
    await upload(csv);
    await page
      .getByText(`${refs.length} huishoudens in de lijst: 0 gestart, ${refs.length} hadden al een zaak.`)
      .waitFor();

    // Domain events after the housing-priority decision are covered by the time-skipping tests
    // (test/workflows/overgang-oekraine.test.ts); here every household is still open.
    // The cohort view: counts right per cohort and domain.
    const summary = (c: string) => page.getByTestId(`cohort-${c}-summary`).innerText();
    await eventually(async () => {
      await page.reload();
      await page.getByTestId('cohort-cohort-1').waitFor();
      return (await summary('cohort-1')) === '4 huishoudens · 0 afgerond · 0 vertrokken · 4 met risico';
    }, 30_000);
    // Cohorts 2 and 3 start in four and eight weeks: none of their terms is near.
    expect(await summary('cohort-2')).toBe('2 huishoudens · 0 afgerond · 0 vertrokken · 0 met risico');
    expect(await summary('cohort-3')).toBe('1 huishouden · 0 afgerond · 0 vertrokken · 0 met risico');
    const cell = (id: string) => page.getByTestId(id).innerText();
    expect(await cell('done-cohort-1-inschrijving')).toBe('0 / 4');
    expect(await cell('done-cohort-2-huisvesting')).toBe('0 / 2');
    // Cohort 1 started five weeks ago: its four weeks for registration have passed for all four.
    expect(await cell('overdue-cohort-1-inschrijving')).toBe('4');
    expect(await cell('risk-cohort-1-inschrijving')).toBe('4');
    // Its six weeks for care end in a week: at risk, not overdue; housing is due a month before the end date.
    expect(await cell('risk-cohort-1-zorg')).toBe('4');
    expect(await cell('overdue-cohort-1-zorg')).toBe('0');
    expect(await cell('risk-cohort-1-huisvesting')).toBe('0');
    expect(await cell('done-cohort-3-inschrijving')).toBe('0 / 1');
    // Cohort captions name the cohort by its place in the phasing (never its id) and the start date in words.
    expect(await page.getByTestId('cohort-cohort-1').locator('caption').innerText()).toMatch(
      new RegExp(`^Cohort 1, start ${dutchDay(calendar.cohorts['cohort-1'])}`),
    );
    expect(await page.getByTestId('cohort-cohort-3').locator('caption').innerText()).toMatch(/^Cohort 3, start /);
    expect(await page.locator('caption').allInnerTexts()).not.toContainEqual(expect.stringMatching(/cohort-\d/));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'transition-cohorts.png'), fullPage: true });
    expect(await seriousA11yViolations(page, { wcagOnly: false })).toEqual([]);
    await context.close();
  }, 180_000);
});
