import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR, seriousA11yViolations } from '../support/browser';
import { uniqueId } from '../support/factories';
import { eventually, TEST_TENANT } from '../support/runtime';
import { daysAgo, signedInPage, startMonitorProduct, type MonitorProduct } from '../services/monitor/monitor-product';

const ROOT = path.resolve(__dirname, '..', '..');

describe("a draft simulated on the municipality's own decisions, in Chromium: the designer runs it, the approver reads it", () => {
  let p: MonitorProduct;
  let server: Server;
  let browser: Browser;
  let base: string;
  let designer: Record<string, string>;
  let approver: Record<string, string>;
  const api = () => request(p.monitorApp);
  const refs = { adult: uniqueId('ZAAK-VOLW'), young: uniqueId('ZAAK-JONG') };
  let draftVersion = 0;

  const finished = (content: unknown) =>
    JSON.parse(
      JSON.stringify(content)
        .replace(/\{\{gemeente\}\}/g, 'Amsterdam')
        .replace(/\{\{jaar\}\}/g, '2024')
        .replace(/\{\{artikel[a-z-]*\}\}/g, '2.6.1'),
    );

  beforeAll(async () => {
    p = await startMonitorProduct({ uiDir: path.join(ROOT, 'ui', 'dist') });
    server = p.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    designer = await p.session(TEST_TENANT, 'ontwerper', ['designer']);
    approver = await p.session(TEST_TENANT, 'goedkeurder', ['approver']);
    // Publish the seeded rule set (four eyes), then decide on two status holders: one adult, one 19 years old.
    const seeded = await api().get('/api/v1/rulesets/housing-priority/versions/1').set(designer);
    await api()
      .put('/api/v1/rulesets/housing-priority/versions/1')
      .set(designer)
      .send({ content: finished(seeded.body.content) })
      .expect(200);
    await api()
      .post('/api/v1/rulesets/housing-priority/versions/1/submit')
      .set(designer)
      .send({ comment: 'ingevuld' })
      .expect(200);
    await api()
      .post('/api/v1/rulesets/housing-priority/versions/1/approve')
      .set(approver)
      .send({ comment: 'akkoord' })
      .expect(200);
    for (const [ref, born] of [
      [refs.adult, '1990-05-01'],
      [refs.young, '2007-01-15'],
    ] as const) {
      const res = await api()
        .post('/api/v1/processes/huisvesting-statushouder/cases')
        .set(p.auth)
        .send({
          caseRef: ref,
          data: {
            municipality: TEST_TENANT,
            householdSize: 2,
            permitType: 'asiel',
            permitDate: daysAgo(10),
            koppelingDate: daysAgo(0),
            statushouder: { dateOfBirth: born },
          },
        });
      expect(res.status).toBe(201);
      await eventually(
        async () =>
          (await api().get(`/api/v1/cases/${res.body.caseId}`).set(p.auth)).body.pendingDecision?.phase ===
          'confirmation',
        30_000,
      );
    }
    // The council considers a minimum age of 21.
    const draft = await api().post('/api/v1/rulesets/housing-priority/versions').set(designer).send({});
    draftVersion = draft.body.version as number;
    const content = finished(draft.body.content);
    content.parameters.minimumLeeftijd.value = 21;
    await api()
      .put(`/api/v1/rulesets/housing-priority/versions/${draftVersion}`)
      .set(designer)
      .send({ content })
      .expect(200);
    browser = await launchBrowser();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await p?.stop();
  }, 30_000);

  it('lists the case that would change by its reference, with the condition that changes and the totals per outcome', async () => {
    const { context, page } = await signedInPage(browser, base, 'ontwerper');
    await page.goto(`${base}/regels/housing-priority`);
    await page.getByRole('tab', { name: 'Versies en publiceren' }).click();
    await page.getByRole('button', { name: 'Simuleer op eigen zaken' }).click();
    const panel = page.locator('section.own-cases');
    await panel
      .getByText(/besluiten opnieuw beoordeeld; bij 1 daarvan zou de uitkomst anders zijn/)
      .waitFor({ timeout: 30_000 });
    const text = await panel.innerText();
    expect(text).toContain(refs.young);
    expect(text).not.toContain(refs.adult);
    expect(text).toMatch(/Voorrang/);
    expect(text).toMatch(/Leeftijd — voldaan → niet voldaan/);
    expect(text).not.toMatch(/\bage\b/);
    expect(text).not.toMatch(/\bpriority\b|\{\{|undefined|null/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'own-cases-simulation-designer.png'), fullPage: true });
    expect(await seriousA11yViolations(page, { wcagOnly: false })).toEqual([]);
    await context.close();
  });

  it('travels with the version: the approver sees the kept summary', async () => {
    await api()
      .post(`/api/v1/rulesets/housing-priority/versions/${draftVersion}/submit`)
      .set(designer)
      .send({ comment: 'minimumleeftijd 21' })
      .expect(200);
    const { context, page } = await signedInPage(browser, base, 'goedkeurder');
    await page.goto(`${base}/regels/housing-priority`);
    await page.getByRole('tab', { name: 'Versies en publiceren' }).click();
    const panel = page.locator('section.own-cases');
    await panel.getByText(/Uitgevoerd door ontwerper/).waitFor({ timeout: 30_000 });
    expect(await panel.innerText()).toContain(refs.young);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'own-cases-simulation-approver.png'), fullPage: true });
    await context.close();
  });
});
