import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import { publishTransitionCalendar, transitionCalendar } from '../support/transition-calendar';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');
const PROCESS = 'overgang-oekraine';
const STEP = 'Woonvoorrang volgens de urgentieregeling';
/** E2E_SHOTS_DIR: screenshots elsewhere than test-results/ (a reviewer's folder). */
const SHOTS = process.env.E2E_SHOTS_DIR ?? SCREENSHOT_DIR;
const today = () => daysAgo(0);
/** Ids of steps, facts, outcomes and rules that must never reach a person reading the case page. */
const RAW_IDS = [
  // Node, branch and rule ids ("woonvoorrang" is also the Dutch word in "Geen woonvoorrang": not listed).
  'met-voorrang',
  'zonder-voorrang',
  'overgang-oekraine',
  'displaced-ukraine',
  'priority',
  'not-eligible',
  'housing-priority',
  'urgency-scheme',
  'medische-urgentie',
  'medicalUrgency',
  'permitType',
  'dateOfBirth',
  'linkedMunicipality',
  'hasIndependentHome',
  'ontheemden-oekraine',
  'tijdelijke-bescherming',
  'gegevens-aanvullen',
  'variabelen gezet',
  '{{',
  'undefined',
  'null',
  'NaN',
];
/** What the rules must never say about a household whose date of birth is unknown: a "no". */
const A_NO = /Geen voorrang|geen urgentie|komt niet in aanmerking|Voorstel:/;

/**
 * A household of displaced persons from Ukraine in the municipality's reception, without a home of its own,
 * medically urgent, meeting the urgency scheme's basic conditions (age, income, no rent arrears).
 */
const household = (cohort: string, withDateOfBirth: boolean) => ({
  municipality: TEST_TENANT,
  cohort,
  householdSize: 3,
  numberOfChildren: 1,
  accommodation: 'gemeentelijke-opvang',
  hasIndependentHome: false,
  // A category the urgency scheme grants (with ties to the region and an emergency not self-caused).
  medicalUrgency: true,
  socialEmergency: false,
  yearsOfRegionalTies: 3,
  annualIncome: 14_000,
  rentArrears: false,
  emergencySelfCaused: false,
  solvableByApplicant: false,
  solvableByMoveMonths: 2,
  contactpersoon: withDateOfBirth ? { name: 'Olena Testenko', dateOfBirth: '1984-03-12' } : { name: 'Iryna Testenko' },
});

describe('Ukrainian transition in Chromium: housing priority proposed by the municipality’s rules, confirmed by a behandelaar, seen in the cohort view', () => {
  let p: MonitorProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let sessions: Record<'behandelaar' | 'toezicht' | 'ontwerper' | 'goedkeurder' | 'beheer', Record<string, string>>;
  const calendar = transitionCalendar(today());

  const api = () => request(p.monitorApp);
  const caseState = async (caseId: string) =>
    (
      await api()
        .get(`/api/v1/cases/${encodeURIComponent(caseId)}`)
        .set(p.auth)
    ).body;
  const waitingFor = async (caseId: string, phase: 'facts' | 'confirmation') => {
    let last: unknown;
    try {
      await eventually(async () => {
        last = await caseState(caseId);
        return (last as { pendingDecision?: { phase?: string } }).pendingDecision?.phase === phase;
      }, 30_000);
    } catch {
      throw new Error(`case never waited for ${phase}; last state: ${JSON.stringify(last)}`);
    }
  };
  const ok = (res: request.Response, status: number) =>
    expect({ status: res.status, body: res.status === status ? null : res.body }).toEqual({ status, body: null });

  /**
   * The municipality's urgency scheme, the rule set overgang-oekraine (v2) asks at its decision. It is
   * seeded in every new municipality as a draft of the VNG model with the municipality's own code: the
   * designer fills in the bye-law (name, year and the article of each category) and an approver
   * publishes it (four eyes), in force from today. Nothing in its rules is written for this group: a
   * displaced household gets priority in one of the scheme's categories (here medical urgency), and
   * only if it meets the basic conditions (age, income, no rent arrears).
   */
  async function publishUrgencyScheme(): Promise<number> {
    const designer = sessions.ontwerper;
    const seeded = await api().get('/api/v1/rulesets/urgency-scheme/versions/1').set(designer);
    ok(seeded, 200);
    expect(seeded.body).toMatchObject({ status: 'draft', content: { kind: 'urgency-scheme' } });
    const content = JSON.parse(
      JSON.stringify(seeded.body.content)
        .replace(/\{\{gemeente\}\}/g, 'Amsterdam')
        .replace(/\{\{jaar\}\}/g, '2024')
        .replace(/\{\{artikel-basisvoorwaarden\}\}/g, '2.6.1')
        .replace(/\{\{artikel-medisch\}\}/g, '2.6.2')
        .replace(/\{\{artikel[a-z-]*\}\}/g, '2.6.3'),
    ) as unknown;
    expect(JSON.stringify(content)).not.toContain('{{');
    ok(await api().put('/api/v1/rulesets/urgency-scheme/versions/1').set(designer).send({ content }), 200);
    ok(
      await api()
        .post('/api/v1/rulesets/urgency-scheme/versions/1/submit')
        .set(designer)
        .send({ comment: 'Urgentieregeling: verordening Amsterdam 2024 ingevuld' }),
      200,
    );
    ok(
      await api()
        .post('/api/v1/rulesets/urgency-scheme/versions/1/approve')
        .set(sessions.goedkeurder)
        .send({ comment: 'akkoord' }),
      200,
    );
    return 1;
  }

  async function startHousehold(cohort: string, withDateOfBirth: boolean): Promise<string> {
    const res = await api()
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(p.auth)
      .send({ caseRef: uniqueId('GOO'), data: household(cohort, withDateOfBirth) });
    ok(res, 201);
    const caseId = res.body.caseId as string;
    // No name in the case's id (it appears in URLs).
    expect(caseId).not.toMatch(/Testenko|Olena|Iryna/i);
    return caseId;
  }

  const axe = async (page: Page, name: string): Promise<void> => {
    expect({ screen: name, violations: await seriousA11yViolations(page, { wcagOnly: false }) }).toEqual({
      screen: name,
      violations: [],
    });
  };
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };
  const noRawIds = async (page: Page, testId: string) => {
    const text = await page.getByTestId(testId).innerText();
    for (const id of RAW_IDS) {
      const at = text.indexOf(id);
      const found = at < 0 ? null : text.slice(Math.max(0, at - 60), at + id.length + 60);
      expect({ testId, id, found }).toEqual({ testId, id, found: null });
    }
  };
  /** The cohort view's housing row of one cohort, as a person reads it. */
  const housingRow = async (page: Page, cohort: string) => {
    await page.goto(`${base}/monitor/overgang-oekraine`);
    await page.getByTestId(`cohort-${cohort}`).waitFor({ timeout: 15_000 });
    return {
      summary: await page.getByTestId(`cohort-${cohort}-summary`).innerText(),
      done: await page.getByTestId(`done-${cohort}-huisvesting`).innerText(),
    };
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    p = await startMonitorProduct({ uiDir: process.env.E2E_UI_DIR ?? path.join(ROOT, 'ui', 'dist') });
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
    ok(
      await api()
        .put('/api/v1/municipality/profile')
        .set(sessions.beheer)
        .send({
          address: { street: 'Postbus 202', postcode: '1000 AE', city: 'Amsterdam' },
          signatory: { name: 'J. de Vries', function: 'teamleider Wonen' },
          byeLaw: {
            name: 'Huisvestingsverordening Amsterdam',
            year: 2024,
            articles: { 'urgency-scheme': 'art. 2.6' },
          },
          court: 'Rechtbank Amsterdam',
        }),
      200,
    );
    await publishUrgencyScheme();
    await publishTransitionCalendar(
      p.monitorApp,
      { designer: sessions.ontwerper, approver: sessions.goedkeurder },
      calendar,
    );
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  it('proposes housing priority (a proposal, not a decision); the behandelaar reads facts, rule version and reasons in Dutch, confirms, the besluit exists, and the cohort view counts the household’s housing', async () => {
    const caseId = await startHousehold('cohort-1', true);
    await waitingFor(caseId, 'confirmation');
    // A proposal only: nothing decided, no besluit, the case waits at the decision point.
    const proposed = await caseState(caseId);
    expect(proposed.pendingDecision).toMatchObject({ nodeId: 'woonvoorrang', phase: 'confirmation' });
    expect(proposed.pendingDecision.proposal).toMatchObject({ branch: 'priority' });
    expect(proposed.currentStep).toBe('woonvoorrang');
    expect((proposed.decisions as Array<{ status?: string }>).filter((d) => d.status === 'confirmed')).toEqual([]);
    expect(proposed.variables.woonvoorrang).toBeUndefined();

    const { context, page } = await signedInPage(browser, base, 'behandelaar');
    // Before: the cohort view counts the household, its housing not arranged.
    const before = await housingRow(page, 'cohort-1');
    expect(before).toEqual({
      summary: '1 huishouden · 0 afgerond · 0 vertrokken · 1 met risico',
      done: '0 / 1',
    });

    await page.goto(`${base}/monitor/zaken/${encodeURIComponent(caseId)}`);
    await page.getByTestId('proposal').filter({ hasText: 'Voorstel: Voorrang' }).waitFor({ timeout: 15_000 });
    const panel = page.getByTestId('decision-panel');
    expect(await panel.innerText()).toContain(STEP);
    // Rule set by name and version, its date in force and the peildatum, in words.
    expect(await panel.getByTestId('decision-ruleset').innerText()).toMatch(
      /Urgentieregeling.*versie 1.*peildatum \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    // The facts the rules judged, by their Dutch labels and values.
    const facts = await panel.getByTestId('decision-facts').innerText();
    expect(facts).toContain('tijdelijke bescherming (RTB)');
    expect(facts).toContain('Gemeente Amsterdam (GM0363)');
    expect(facts).toMatch(/Leeftijd[\s\S]*\d+ jaar|12 maart 1984/);
    // The reasons, in Dutch, with the bye-law's article.
    const reasons = await panel.getByTestId('decision-reasons').innerText();
    expect(reasons).toContain('Medische urgentie');
    expect(reasons).toContain('Huisvestingsverordening Amsterdam 2024, art. 2.6.2');
    await noRawIds(page, 'decision-panel');
    await noRawIds(page, 'timeline');
    await shot(page, 'transition-decision-proposal');
    await axe(page, 'transition proposal (behandelaar)');

    // Confirming the proposal: the behandelaar's name is recorded, the case moves on.
    await page.getByRole('radio', { name: /^Voorrang/ }).check();
    await page.getByRole('button', { name: 'Voorstel bevestigen' }).click();
    await page
      .getByTestId('decision-notice')
      .filter({ hasText: 'Besluit vastgelegd: Voorrang' })
      .waitFor({ timeout: 20_000 });
    const record = page.locator('[data-testid="decision-record"][data-status="confirmed"]');
    await record.waitFor();
    expect(await record.getByTestId('decision-outcome').innerText()).toMatch(/^Voorrang/);
    expect(await record.getByTestId('decision-by').innerText()).toMatch(
      /^Bea de Behandelaar, \d{1,2} \S+ \d{4} om \d{2}:\d{2}$/,
    );
    expect(await page.getByTestId('decision-panel').count()).toBe(0);
    await page
      .getByTestId('timeline')
      .getByText(`Besluit genomen bij “${STEP}”: Voorrang (voorstel bevestigd)`)
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('current-step').filter({ hasText: 'Domeinen regelen' }).waitFor({ timeout: 20_000 });
    await noRawIds(page, 'timeline');

    const decided = await caseState(caseId);
    const decision = (decided.decisions as Array<Record<string, any>>).find((d) => d.status === 'confirmed');
    expect(decision).toMatchObject({
      nodeId: 'woonvoorrang',
      branch: 'priority',
      proposal: { branch: 'priority' },
      confirmation: { deviated: false, by: { username: 'behandelaar' } },
    });
    expect(decided.variables.woonvoorrang).toBe(true);
    expect(decision?.besluit?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The besluit, as the household receives it.
    const link = page.getByRole('link', { name: 'Besluit downloaden (PDF)' });
    await link.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(SHOTS, 'transition-besluit.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const letter = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(letter).toContain('Gemeente Amsterdam');
    expect(letter).toContain(decided.caseRef);
    expect(letter).toMatch(/Waarom wij zo besluiten/);
    expect(letter).toMatch(/Huisvestingsverordening Amsterdam 2024/);
    expect(letter).toContain('U krijgt urgentie: voorrang voor een woning die past bij uw zoekprofiel.');
    expect(letter).toMatch(
      /Medische urgentie\. Grondslag: Huisvestingsverordening Amsterdam 2024, art\. 2\.6\.2\. Deze regel is op u van toepassing/,
    );
    expect(letter).toContain('Soort verblijfsvergunning: tijdelijke bescherming (RTB)');
    expect(letter).toMatch(/bezwaar/i);
    expect(letter).not.toMatch(
      /\{\{|met-voorrang|zonder-voorrang|displaced-ukraine|\bpriority\b|housing-priority|urgency-scheme|medische-urgentie|medicalUrgency|dateOfBirth/,
    );
    await shot(page, 'transition-decision-confirmed');
    await axe(page, 'transition decision recorded');

    // The housing domain: the behandelaar records the move to a regular home on the case page.
    await page.getByLabel('Gebeurtenis').selectOption({ label: 'Huisvesting geregeld' });
    const form = page.locator('form[data-event="huisvesting-geregeld"]');
    await form.getByLabel('Route (verplicht)').selectOption('regulier');
    await form.getByLabel('Datum (verplicht)').fill(today());
    await shot(page, 'transition-decision-housing-event');
    await form.getByRole('button', { name: 'Doorgeven' }).click();
    await eventually(async () => {
      const s = await caseState(caseId);
      return s.deadlines.find((d: { id: string }) => d.id === 'case:huisvesting')?.status === 'met';
    }, 20_000);

    // After: the cohort view counts that household's housing as arranged.
    const after = await housingRow(page, 'cohort-1');
    expect(after.done).toBe('1 / 1');
    expect(after.summary).toBe(before.summary);
    await shot(page, 'transition-decision-cohort-after');
    await axe(page, 'cohort view after the decision');
    await context.close();
  }, 180_000);

  it('a date of birth unknown: the rules cannot decide (never a "no"), the page asks for it, and with it the proposal follows', async () => {
    const caseId = await startHousehold('cohort-2', false);
    await waitingFor(caseId, 'facts');
    const pending = (await caseState(caseId)).pendingDecision;
    expect(pending.proposal ?? null).toBeNull();
    expect(pending.missingFacts).toEqual(['dateOfBirth']);

    const { context, page } = await signedInPage(browser, base, 'behandelaar');
    await page.goto(`${base}/monitor/zaken/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { name: 'Gegevens aanvullen', level: 2 }).waitFor({ timeout: 15_000 });
    const panel = page.getByTestId('decision-panel');
    expect(await panel.innerText()).not.toMatch(A_NO);
    expect(await page.getByTestId('confirm-form').count()).toBe(0);
    expect(await page.getByTestId('proposal').count()).toBe(0);
    await page
      .getByTestId('timeline')
      .getByText(new RegExp(`Onvolledig bij “${STEP}”: gegevens ontbreken \\(.*geboortedatum.*\\)`))
      .waitFor();
    const input = page.getByLabel('Geboortedatum');
    expect(await input.getAttribute('type')).toBe('date');
    await noRawIds(page, 'decision-panel');
    await noRawIds(page, 'timeline');
    await shot(page, 'transition-decision-facts');
    await axe(page, 'transition gegevens aanvullen');

    await input.fill('1979-10-02');
    await page.getByRole('button', { name: 'Gegevens opslaan en opnieuw beoordelen' }).click();
    await page.getByTestId('proposal').filter({ hasText: 'Voorstel: Voorrang' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('timeline').getByText(`Gegevens aangevuld bij “${STEP}”: geboortedatum`).waitFor();
    expect(await page.getByTestId('decision-panel').getByTestId('decision-facts').innerText()).toContain(
      '2 oktober 1979',
    );
    await noRawIds(page, 'decision-panel');
    await shot(page, 'transition-decision-facts-then-proposal');
    await axe(page, 'transition proposal after facts');
    await context.close();
  }, 120_000);
});
