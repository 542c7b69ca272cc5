import request from 'supertest';
import {
  loginInBrowser,
  screenshot,
  seriousA11yViolations,
  startEditorStack,
  type EditorStack,
} from '../support/e2e-editor';
import { TEST_TENANT } from '../support/runtime';

/**
 * Issue 14 in Chromium against the whole product: the process designer's "Verder als alle datums
 * gezet zijn" on the transition's domain step (dates by their labels, the bound, an empty list
 * refused), and the inburgering waiting-list panel on the monitor's dashboard with a waiting case.
 */
describe('transition designer step and inburgering waiting list in Chromium', () => {
  let stack: EditorStack;

  beforeAll(async () => {
    stack = await startEditorStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  it("designer: the domain step's dates to wait for, by their Dutch labels; an empty list is refused", async () => {
    const password = await stack.createUser('overgangontwerper', ['designer'], 'Olga Ontwerper');
    const context = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 1000 } });
    const page = await loginInBrowser(context, stack.base, 'overgangontwerper', password);
    await page.goto(`${stack.base}/processen/overgang-oekraine`);
    await page.locator('.react-flow__node-step').first().waitFor();
    await page.getByRole('button', { name: 'Wijzigen in een nieuwe conceptversie' }).click();
    await page.locator('.editor-toolbar .status-draft').waitFor();
    const step = page.locator('.react-flow__node[data-id="domeinen"]');
    await step.click();
    await expect(step.textContent()).resolves.toContain('Verder als gezet: huisvesting geregeld');
    const panel = page.locator('.pd-side-panel');
    const dates = panel.getByRole('group', { name: /Datums die gezet moeten zijn/ });
    await dates.scrollIntoViewIfNeeded();
    for (const label of ['Huisvesting geregeld', 'Inkomen geregeld', 'Zorg geregeld', 'Inschrijving geregeld'])
      await expect(dates.getByLabel(label).isChecked()).resolves.toBe(true);
    await expect(dates.getByLabel('Vertrek van het huishouden').isChecked()).resolves.toBe(false);
    await expect(dates.textContent()).resolves.not.toMatch(/huisvestingGeregeld|zorgGeregeld|cohortStart/);
    await screenshot(page, 'issue14-designer-complete');
    const violations = await seriousA11yViolations(page);

    for (const label of [
      'Huisvesting geregeld',
      'Inkomen geregeld',
      'Participatie geregeld',
      'Zorg geregeld',
      'Inschrijving geregeld',
    ])
      await dates.getByLabel(label).uncheck();
    await panel.getByText('Kies minstens één datum.').waitFor();
    await page
      .getByRole('region', { name: 'Fouten en waarschuwingen' })
      .getByText(/complete|datum/i)
      .first()
      .waitFor();
    await screenshot(page, 'issue14-designer-complete-empty');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('monitor: the inburgering waiting-list panel shows a case waiting for its intake, dates in words; axe clean', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const started = await request(stack.product.app)
      .post('/api/v1/processes/inburgering/cases')
      .set(stack.product.auth)
      .send({ caseRef: 'E2E-INB-1', data: { municipality: TEST_TENANT, koppelingDate: today, householdSize: 2 } });
    expect(started.status).toBe(201);
    const password = await stack.createUser('inburgeringtoezicht', ['supervisor'], 'Ilse Toezicht');
    const context = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 1000 } });
    const page = await loginInBrowser(context, stack.base, 'inburgeringtoezicht', password);
    await page.goto(`${stack.base}/monitor`);
    await page.getByRole('heading', { name: 'Monitor', level: 1 }).waitFor();
    const panel = page.locator('section.inburgering-waiting');
    await panel.getByRole('heading', { name: 'Wachtlijst inburgering' }).waitFor();
    // Visibility may lag a moment behind the start.
    await panel.locator('tbody tr').first().waitFor({ timeout: 30_000 });
    await expect(panel.textContent()).resolves.toContain('10 weken na de koppeling');
    await expect(panel.textContent()).resolves.toMatch(/week van \d{1,2} [a-z]+ \d{4}/);
    await expect(panel.textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'issue14-inburgering-waiting-panel');
    const violations = await seriousA11yViolations(page);
    await context.close();
    expect(violations).toEqual([]);
  });
});
