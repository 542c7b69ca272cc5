import request from 'supertest';
import { evaluate, type RuleSet } from '../../rules';
import { eventually, TEST_TENANT } from '../support/runtime';
import {
  loginInBrowser,
  screenshot,
  seriousA11yViolations,
  startEditorStack,
  type EditorStack,
} from '../support/e2e-editor';
import { finishRuleSetContent } from '../services/versions/publish-seeded';

/**
 * The rules journey in Chromium against the whole product: a designer turns off "status holders
 * get priority", sees the JSON change, tests a case, simulates 10,000 applicants and submits; an
 * approver publishes; a new housing case through the API is judged by the new version.
 */
describe('rule-set editor journey in Chromium', () => {
  let stack: EditorStack;

  beforeAll(async () => {
    stack = await startEditorStack();
    // A new municipality starts with the template as a draft: someone finishes it (the bye-law's
    // name, year and articles) and another person publishes it before it decides anything.
    const seedDesigner = await stack.apiUser('inrichter', ['designer']);
    const seedApprover = await stack.apiUser('vaststeller', ['approver']);
    const draft = await seedDesigner.call('GET', '/api/v1/rulesets/housing-priority/versions/1');
    expect(draft.body.status).toBe('draft');
    expect(
      (
        await seedDesigner.call('PUT', '/api/v1/rulesets/housing-priority/versions/1', {
          content: finishRuleSetContent(draft.body.content),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await seedDesigner.call('POST', '/api/v1/rulesets/housing-priority/versions/1/submit', {
          comment: 'verordening ingevuld',
        })
      ).status,
    ).toBe(200);
    expect(
      (await seedApprover.call('POST', '/api/v1/rulesets/housing-priority/versions/1/approve', { comment: 'akkoord' }))
        .status,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  // Linked today: the peildatum (koppeling) picks the version in force today, so the newly published one.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const startHousingCase = async (caseRef: string) => {
    const res = await request(stack.product.app)
      .post('/api/v1/processes/huisvesting-statushouder/cases')
      .set(stack.product.auth)
      .send({
        caseRef,
        data: {
          municipality: TEST_TENANT,
          householdSize: 3,
          permitType: 'asiel',
          permitDate: today,
          koppelingDate: today,
          statushouder: { dateOfBirth: '1990-05-01' },
        },
      });
    expect(res.status).toBe(201);
    return eventually(async () => {
      const state = await request(stack.product.app).get(`/api/v1/cases/${res.body.caseId}`).set(stack.product.auth);
      return state.status === 200 && state.body.decisions?.length > 0 ? state.body.decisions[0] : undefined;
    }, 30_000);
  };
  const applicant = {
    permitType: 'asiel',
    linkedMunicipality: TEST_TENANT,
    hasIndependentHome: false,
    dateOfBirth: '1990-05-01',
    householdSize: 3,
  };

  it('designer switches priority off, tests, simulates and submits; approver publishes; a new case uses it', async () => {
    const before = await startHousingCase('E2E-VOOR');
    expect(before.ruleSetVersion).toBe(1);
    expect(before.branch).toBe('priority');

    const designerPassword = await stack.createUser('ontwerper', ['designer'], 'Olga Ontwerper');
    await stack.createUser('goedkeurder', ['approver'], 'Gijs Goedkeurder');

    const designerContext = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    const page = await loginInBrowser(designerContext, stack.base, 'ontwerper', designerPassword, 'rules-01');
    const violations: Record<string, string[]> = {};
    const check = async (name: string) => {
      await screenshot(page, name);
      violations[name] = await seriousA11yViolations(page);
    };
    await check('rules-02-list');

    await page.getByRole('link', { name: 'Voorrang voor statushouders' }).click();
    await page.locator('.react-flow__node-rule').waitFor();
    await check('rules-03-editor-published');

    await page.getByRole('button', { name: 'Wijzigen in een nieuwe conceptversie' }).click();
    await page.locator('.editor-toolbar .status-draft').waitFor();
    const priority = page.getByRole('switch', { name: 'Statushouders krijgen voorrang' });
    await expect(priority.getAttribute('aria-checked')).resolves.toBe('true');
    await priority.click();
    await expect(priority.getAttribute('aria-checked')).resolves.toBe('false');
    await page.getByText('Nee, geen voorrang voor statushouders').waitFor();
    await check('rules-04-switched-off');

    await page.getByRole('tab', { name: 'JSON' }).click();
    await expect(page.getByLabel('JSON voor gevorderden').inputValue()).resolves.toContain('"enabled": false');
    await check('rules-05-json');

    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.locator('.save-state').filter({ hasText: 'Opgeslagen' }).waitFor();

    await page.getByRole('tab', { name: 'Testen' }).click();
    await page.getByLabel('Soort verblijfsvergunning', { exact: true }).selectOption('asiel');
    await page.getByRole('button', { name: 'Test uitvoeren' }).click();
    await page.getByText('Geen enkele regel is van toepassing: geen voorrang.').waitFor();
    await expect(page.getByTestId('explanation').textContent()).resolves.toContain('Regelset');
    await check('rules-06-test');

    await page.getByRole('tab', { name: 'Simuleren' }).click();
    await page.getByRole('button', { name: 'Simulatie starten' }).click();
    const summary = page.getByTestId('sim-summary');
    await summary.waitFor({ timeout: 60_000 });
    const changed = Number(
      ((await summary.textContent()) ?? '')
        .match(/^([\d.]+) aanvragers krijgen een andere uitkomst/)?.[1]
        ?.replace(/\./g, ''),
    );
    expect(changed).toBeGreaterThan(0);
    await expect(summary.textContent()).resolves.toContain('10.000 aanvragers');
    await check('rules-07-simulation');

    await page.getByRole('tab', { name: 'Versies en publiceren' }).click();
    await page
      .getByLabel('Wat is er gewijzigd en waarom?')
      .fill('Raadsbesluit: statushouders krijgen geen voorrang meer.');
    await page.getByRole('button', { name: 'Ter beoordeling aanbieden' }).click();
    await page.getByText('Versie 2 is ter beoordeling aangeboden.').waitFor();
    await check('rules-08-submitted');
    await designerContext.close();

    const approverContext = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    const approverPassword = await stack.admin.call('POST', '/api/v1/users', {
      username: 'tweede',
      roles: ['approver'],
      displayName: 'Tineke Tweede',
    });
    const approver = await loginInBrowser(approverContext, stack.base, 'tweede', approverPassword.body.oneTimePassword);
    await approver.goto(`${stack.base}/regels/housing-priority`);
    await approver.getByRole('tab', { name: 'Versies en publiceren' }).click();
    await approver.getByText('Versie 2 wacht op uw beoordeling.', { exact: false }).waitFor();
    await approver.locator('.submit-comment').getByText('Simulatie over 10.000 aanvragers', { exact: false }).waitFor();
    await screenshot(approver, 'rules-09-review');
    violations['rules-09-review'] = await seriousA11yViolations(approver);
    await approver.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
    await approver.getByText('Versie 2 is goedgekeurd', { exact: false }).waitFor();
    await screenshot(approver, 'rules-10-published');
    await approverContext.close();

    const effective = await request(stack.product.app)
      .get('/api/v1/rulesets/housing-priority/effective')
      .set(stack.product.auth);
    expect(effective.status).toBe(200);
    expect(effective.body.version).toBe(2);
    expect(effective.body.content.rules[0].enabled).toBe(false);

    const published = effective.body.content as RuleSet;
    expect(evaluate(published, applicant, { peildatum: '2026-11-01' }).events).toEqual([]);
    const after = await startHousingCase('E2E-NA');
    expect(after.ruleSetVersion).toBe(2);
    expect(after.branch).toBeNull();
    expect(after.events).toEqual([]);

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  }, 240_000);
});
