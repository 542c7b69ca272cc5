import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');
const PROCESS = 'huisvesting-statushouder';
const today = () => daysAgo(0);
/** Words that must never reach a person reading the case page: ids of steps, facts and outcomes. */
const RAW_IDS = [
  'voorrangsbesluit',
  'priority',
  'dateOfBirth',
  'gegevens-aanvullen',
  'housing-priority',
  'variabelen gezet',
  '{{',
  'undefined',
  'null',
];

describe('decision confirmation in Chromium: proposal, reasons, override with a reason, besluit, roles, gegevens aanvullen', () => {
  let p: MonitorProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let sessions: Record<'behandelaar' | 'toezicht' | 'ontwerper' | 'goedkeurder' | 'beheer', Record<string, string>>;

  const api = () => request(p.monitorApp);
  const caseState = async (caseId: string) =>
    (
      await api()
        .get(`/api/v1/cases/${encodeURIComponent(caseId)}`)
        .set(p.auth)
    ).body;

  /**
   * The municipality finishes its rule set (bye-law name, year, article) and publishes it with four
   * eyes — as a fresh municipality must before any decision is proposed. In force from today.
   */
  async function publishRuleSet(): Promise<void> {
    const designer = sessions.ontwerper;
    const history = await api().get('/api/v1/rulesets/housing-priority').set(designer);
    expect(history.status).toBe(200);
    const versions = history.body.versions as Array<{ version: number; status: string }>;
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const current = await api().get(`/api/v1/rulesets/housing-priority/versions/${latest.version}`).set(designer);
    const content = JSON.parse(
      JSON.stringify(current.body.content)
        .replace(/\{\{gemeente\}\}/g, 'Amsterdam')
        .replace(/\{\{jaar\}\}/g, '2024')
        .replace(/\{\{artikel[a-z-]*\}\}/g, '2.6.1'),
    );
    let version = latest.version;
    if (latest.status === 'draft') {
      const put = await api()
        .put(`/api/v1/rulesets/housing-priority/versions/${version}`)
        .set(designer)
        .send({ content });
      expect({ status: put.status, body: put.status === 200 ? null : put.body }).toEqual({ status: 200, body: null });
    } else {
      const draft = await api().post('/api/v1/rulesets/housing-priority/versions').set(designer).send({ content });
      expect({ status: draft.status, body: draft.status === 201 ? null : draft.body }).toEqual({
        status: 201,
        body: null,
      });
      version = draft.body.version as number;
    }
    const submitted = await api()
      .post(`/api/v1/rulesets/housing-priority/versions/${version}/submit`)
      .set(designer)
      .send({ comment: 'Verordening Amsterdam ingevuld' });
    expect({ status: submitted.status, body: submitted.status === 200 ? null : submitted.body }).toEqual({
      status: 200,
      body: null,
    });
    const approved = await api()
      .post(`/api/v1/rulesets/housing-priority/versions/${version}/approve`)
      .set(sessions.goedkeurder)
      .send({ comment: 'akkoord' });
    expect({ status: approved.status, body: approved.status === 200 ? null : approved.body }).toEqual({
      status: 200,
      body: null,
    });
  }

  /** What the besluit needs from the municipality: its address, signatory, bye-law and court (an administrator enters it). */
  async function completeProfile(): Promise<void> {
    const res = await api()
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
    expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ status: 200, body: null });
  }

  async function startCase(withDateOfBirth: boolean): Promise<string> {
    const res = await api()
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(p.auth)
      .send({
        caseRef: uniqueId('VOORRANG'),
        data: {
          municipality: TEST_TENANT,
          householdSize: 3,
          permitType: 'asiel',
          permitDate: daysAgo(20),
          koppelingDate: today(),
          ...(withDateOfBirth ? { statushouder: { dateOfBirth: '1990-05-01' } } : {}),
        },
      });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    return res.body.caseId as string;
  }

  const waitingFor = (caseId: string, phase: 'facts' | 'confirmation') =>
    eventually(async () => (await caseState(caseId)).pendingDecision?.phase === phase, 30_000);

  const axe = async (page: Page, name: string): Promise<void> => {
    expect({ screen: name, violations: await seriousA11yViolations(page, { wcagOnly: false }) }).toEqual({
      screen: name,
      violations: [],
    });
  };
  const shot = async (page: Page, name: string) => {
    await page.locator('.monitor-node--current').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };
  const noRawIds = async (page: Page, testId: string) => {
    const text = (await page.getByTestId(testId).innerText()).toString();
    for (const id of RAW_IDS) expect({ testId, found: text.includes(id) ? id : null }).toEqual({ testId, found: null });
  };

  beforeAll(async () => {
    p = await startMonitorProduct({ uiDir: path.join(ROOT, 'ui', 'dist') });
    server = p.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    sessions = {
      behandelaar: await p.session(TEST_TENANT, 'behandelaar', ['behandelaar']),
      toezicht: await p.session(TEST_TENANT, 'toezicht', ['supervisor']),
      ontwerper: await p.session(TEST_TENANT, 'ontwerper', ['designer']),
      goedkeurder: await p.session(TEST_TENANT, 'goedkeurder', ['approver']),
      beheer: await p.session(TEST_TENANT, 'beheer', ['admin']),
    };
    await p.product.store.db
      .updateTable('users')
      .set({ display_name: 'Bea de Behandelaar' })
      .where('username', '=', 'behandelaar')
      .execute();
    await publishRuleSet();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  it('shows the behandelaar the proposal with its reasons; an override needs a reason and is recorded as a deviation, with the besluit to download', async () => {
    const caseId = await startCase(true);
    await waitingFor(caseId, 'confirmation');
    const { context, page } = await signedInPage(browser, base, 'behandelaar');
    // Issue 17: the case page reads the monitor's view, never the whole case (case data, variables).
    const caseReads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && /\/api\/v1\/cases\/[^/?]+(\?|$)/.test(r.url())) caseReads.push(r.url());
    });
    await page.goto(`${base}/monitor/zaken/${encodeURIComponent(caseId)}`);
    await page.getByTestId('proposal').filter({ hasText: 'Voorstel: Voorrang' }).waitFor({ timeout: 15_000 });
    const reasons = page.getByTestId('decision-reasons');
    await reasons
      .getByText(/Leeftijd is \d+ jaar/)
      .first()
      .waitFor();
    expect(await page.getByTestId('decision-panel').getByTestId('decision-ruleset').innerText()).toMatch(
      /versie \d+.*peildatum \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    expect(await page.getByTestId('decision-panel').getByTestId('decision-facts').innerText()).toContain('1 mei 1990');
    await noRawIds(page, 'decision-panel');
    await noRawIds(page, 'timeline');
    await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
    await shot(page, 'decision-proposal');
    await axe(page, 'proposal (behandelaar)');

    // Deviating without a reason is refused on the page, before anything is sent.
    await page.getByRole('radio', { name: 'Geen voorrang' }).check();
    await page.getByRole('button', { name: 'Afwijkend besluit nemen' }).click();
    await page.getByText('Geef een reden van minstens 10 tekens').waitFor();
    expect((await caseState(caseId)).pendingDecision?.phase).toBe('confirmation');
    await shot(page, 'decision-reason-missing');
    await axe(page, 'reason missing');

    const reason = 'Aanvrager heeft al een passende woning toegezegd gekregen via de corporatie.';
    await page.getByLabel('Reden van afwijken (verplicht)').fill(reason);
    // Until the municipality's profile can sign a besluit, the server refuses, and the page says why in Dutch.
    await page.getByRole('button', { name: 'Afwijkend besluit nemen' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Het gemeenteprofiel is nog niet compleet' })
      .waitFor({ timeout: 15_000 });
    await shot(page, 'decision-profile-incomplete');
    await completeProfile();
    await page.getByRole('button', { name: 'Afwijkend besluit nemen' }).click();
    await page
      .getByTestId('decision-notice')
      .filter({ hasText: 'Besluit vastgelegd: Geen voorrang (afgeweken van het voorstel).' })
      .waitFor({ timeout: 15_000 });
    const record = page.locator('[data-testid="decision-record"][data-status="confirmed"]');
    await record.waitFor();
    expect(await record.getByTestId('decision-outcome').innerText()).toBe('Geen voorrang — Afgeweken van het voorstel');
    expect(await record.getByTestId('decision-by').innerText()).toMatch(
      /^Bea de Behandelaar, \d{1,2} \S+ \d{4} om \d{2}:\d{2}$/,
    );
    expect(await record.getByTestId('decision-reason').innerText()).toBe(reason);
    expect(await page.getByTestId('decision-panel').count()).toBe(0);
    await page
      .getByTestId('timeline')
      .getByText(
        'Besluit genomen bij “Voorrang volgens de huisvestingsverordening”: Geen voorrang (afgeweken van het voorstel)',
      )
      .waitFor();
    await page.getByTestId('current-step').filter({ hasText: 'Wacht op woningaanbod' }).waitFor({ timeout: 15_000 });
    await noRawIds(page, 'timeline');

    const state = await caseState(caseId);
    const decision = state.decisions.find((d: { status?: string }) => d.status === 'confirmed');
    expect(decision).toMatchObject({
      branch: null,
      proposal: { branch: 'priority' },
      confirmation: { deviated: true, reason, by: { username: 'behandelaar' } },
    });
    await shot(page, 'decision-confirmed');
    await axe(page, 'decision recorded');

    // The besluit is drawn up from the record right after the confirmation; the page offers it as a PDF.
    expect(decision.besluit?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const link = page.getByRole('link', { name: 'Besluit downloaden (PDF)' });
    await link.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(SCREENSHOT_DIR, 'besluit-e2e.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // pdftotext (poppler-utils) is installed by .ci/run: the letter is read as its addressee would.
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Gemeente Amsterdam');
    expect(text).toContain(state.caseRef);
    expect(text).toContain(reason);
    expect(text).toMatch(
      /\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    expect(text).toMatch(/Waarom wij zo besluiten/);
    expect(text).toMatch(/bezwaar/i);
    expect(text).toMatch(/zes weken/);
    expect(text).not.toMatch(/\{\{|voorrangsbesluit|\bpriority\b|no-priority|1970|housing-priority|dateOfBirth/);
    expect(caseReads).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets a supervisor and a designer read the proposal but not confirm it: no form, and the API answers 403', async () => {
    const caseId = await startCase(true);
    await waitingFor(caseId, 'confirmation');
    for (const [username, role] of [
      ['toezicht', 'supervisor'],
      ['ontwerper', 'designer'],
    ] as const) {
      const { context, page } = await signedInPage(browser, base, username);
      await page.goto(`${base}/monitor/zaken/${encodeURIComponent(caseId)}`);
      await page.getByTestId('proposal').filter({ hasText: 'Voorstel: Voorrang' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('decision-readonly').filter({ hasText: 'Een behandelaar neemt dit besluit' }).waitFor();
      expect(await page.getByTestId('confirm-form').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Voorstel bevestigen|Afwijkend besluit nemen/ }).count()).toBe(0);
      await shot(page, `decision-readonly-${role}`);
      await axe(page, `proposal (${role})`);
      await context.close();
      const res = await api()
        .post(`/api/v1/cases/${encodeURIComponent(caseId)}/decisions/voorrangsbesluit/confirm`)
        .set(sessions[username])
        .send({ branch: 'priority' });
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect((await caseState(caseId)).pendingDecision?.phase).toBe('confirmation');
    await completeProfile();
    // The behandelaar confirms the same proposal through the API: only that role may.
    const ok = await api()
      .post(`/api/v1/cases/${encodeURIComponent(caseId)}/decisions/voorrangsbesluit/confirm`)
      .set(sessions.behandelaar)
      .send({ branch: 'priority' });
    expect({ status: ok.status, body: ok.status === 200 ? null : ok.body }).toEqual({ status: 200, body: null });
  }, 120_000);

  it('asks for the missing date of birth (gegevens aanvullen), takes it, and moves on to the proposal', async () => {
    const caseId = await startCase(false);
    await waitingFor(caseId, 'facts');
    const { context, page } = await signedInPage(browser, base, 'behandelaar');
    await page.goto(`${base}/monitor/zaken/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { name: 'Gegevens aanvullen', level: 2 }).waitFor({ timeout: 15_000 });
    const input = page.getByLabel('Geboortedatum');
    expect(await input.getAttribute('type')).toBe('date');
    await noRawIds(page, 'decision-panel');
    await page
      .getByTestId('timeline')
      .getByText(/Onvolledig bij “Voorrang volgens de huisvestingsverordening”: gegevens ontbreken \(geboortedatum\)/)
      .waitFor();
    await shot(page, 'decision-facts');
    await axe(page, 'gegevens aanvullen');

    await input.fill('1990-05-01');
    await page.getByRole('button', { name: 'Gegevens opslaan en opnieuw beoordelen' }).click();
    await page.getByTestId('proposal').filter({ hasText: 'Voorstel: Voorrang' }).waitFor({ timeout: 20_000 });
    await page
      .getByTestId('timeline')
      .getByText('Gegevens aangevuld bij “Voorrang volgens de huisvestingsverordening”: geboortedatum')
      .waitFor();
    expect(await page.getByTestId('decision-panel').getByTestId('decision-facts').innerText()).toContain('1 mei 1990');
    await noRawIds(page, 'timeline');
    await shot(page, 'decision-facts-then-proposal');
    await axe(page, 'proposal after facts');
    await context.close();

    // A wrong type is a coded error, never coerced.
    const other = await startCase(false);
    await waitingFor(other, 'facts');
    const wrong = await api()
      .post(`/api/v1/cases/${encodeURIComponent(other)}/decisions/voorrangsbesluit/facts`)
      .set(sessions.behandelaar)
      .send({ facts: { dateOfBirth: 19900501 } });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.body.error.code).toBe('INVALID_FACTS');
  }, 120_000);
});
