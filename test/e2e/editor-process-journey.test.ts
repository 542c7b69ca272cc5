import request from 'supertest';
import { addDuration } from '../../workflows/dsl/duration';
import {
  loginInBrowser,
  screenshot,
  seriousA11yViolations,
  startEditorStack,
  type EditorStack,
} from '../support/e2e-editor';
import { TEST_TENANT } from '../support/runtime';

const PROCESS = 'nareiziger-hotelverblijf';
const HOTEL_STEP = 'coa-betaalde-periode';

/** Turns the first event payload schema in a definition into an invalid one (`type: "objekt"`). */
function breakFirstPayloadSchema(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(breakFirstPayloadSchema);
  if (!node || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if (o.payloadSchema && typeof o.payloadSchema === 'object') {
    (o.payloadSchema as Record<string, unknown>).type = 'objekt';
    return true;
  }
  return Object.values(o).some(breakFirstPayloadSchema);
}

/**
 * The process journey in Chromium against the whole product: a designer moves the first
 * hotel-stay reminder from 3 months to 2 (P2M) in the process designer, sees the words change,
 * saves and submits; an approver publishes; a new case started through the API carries the new
 * reminder in its deadlines.
 */
describe('process designer journey in Chromium', () => {
  let stack: EditorStack;

  beforeAll(async () => {
    stack = await startEditorStack();
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  }, 30_000);

  const startHotelCase = async (caseRef: string, placementDate: string) => {
    const started = await request(stack.product.app)
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(stack.product.auth)
      .send({ caseRef, data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: '2026-03-02' } });
    expect(started.status).toBe(201);
    const placed = await request(stack.product.app)
      .post(`/api/v1/cases/${started.body.caseId}/events`)
      .set(stack.product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate, hotelMunicipality: TEST_TENANT } });
    expect(placed.status).toBe(200);
    const state = await request(stack.product.app).get(`/api/v1/cases/${started.body.caseId}`).set(stack.product.auth);
    expect(state.status).toBe(200);
    return {
      caseId: started.body.caseId as string,
      ...(state.body as { deadlines: Array<{ id?: string; kind: string; at: string }> }),
    };
  };
  const reminderAt = (deadlines: Array<{ id?: string; kind: string; at: string }>, id: string) =>
    deadlines.find((d) => d.kind === 'reminder' && d.id === `${HOTEL_STEP}:${id}`)?.at;

  it('designer changes the 3-month reminder to 2 months and submits; approver publishes; a new case carries it', async () => {
    // Placed today: every reminder still lies ahead.
    const placement = new Date().toISOString().slice(0, 10);
    const before = await startHotelCase('E2E-PROC-VOOR', placement);
    expect(reminderAt(before.deadlines, 'drie-maanden')).toBe(
      addDuration(new Date(`${placement}T00:00:00Z`), 'P3M').toISOString(),
    );

    const designerPassword = await stack.createUser('procesontwerper', ['designer'], 'Pim Procesontwerper');
    const designerContext = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    const page = await loginInBrowser(designerContext, stack.base, 'procesontwerper', designerPassword);
    const violations: Record<string, string[]> = {};
    const check = async (name: string) => {
      await screenshot(page, name);
      violations[name] = await seriousA11yViolations(page);
    };

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Processen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Processen' }).waitFor();
    await check('process-01-list');

    await page.getByRole('link', { name: 'Nareiziger: hotelverblijf' }).click();
    await page.locator('.react-flow__node-step').first().waitFor();
    await check('process-02-designer-published');

    await page.getByRole('button', { name: 'Wijzigen in een nieuwe conceptversie' }).click();
    await page.locator('.editor-toolbar .status-draft').waitFor();
    await page.getByRole('navigation', { name: 'Stap toevoegen' }).waitFor();

    const hotelNode = page.locator(`.react-flow__node[data-id="${HOTEL_STEP}"]`);
    await hotelNode.click();
    const panel = page.locator('.pd-side-panel');
    await panel.getByRole('heading', { level: 2, name: 'Hotelverblijf (door COA betaald)' }).waitFor();
    const reminder = panel.getByRole('group', { name: '3 maanden in hotel' });
    await expect(reminder.getByTestId('duration-words').textContent()).resolves.toContain(
      '3 maanden na hotelplaatsing',
    );
    await expect(hotelNode.textContent()).resolves.toContain('Herinnering: 3 maanden na hotelplaatsing');
    await check('process-03-step-selected');

    await reminder.getByLabel('Aantal').fill('2');
    // The reminder's name states its term, so it follows the parameter by itself.
    const changed = panel.getByRole('group', { name: /^2 maanden in/ });
    await expect(changed.getByTestId('duration-words').textContent()).resolves.toContain('2 maanden na hotelplaatsing');
    await expect(hotelNode.textContent()).resolves.toContain('Herinnering: 2 maanden na hotelplaatsing');
    // The step is marked as changed against the published version on the graph.
    await expect(hotelNode.locator('.pd-node').getAttribute('class')).resolves.toContain('pd-diff-changed');
    await page.getByTestId('diff-legend').getByText('1 gewijzigd', { exact: false }).waitFor();
    await page.locator('.react-flow__node-step').last().waitFor({ state: 'visible' });
    await hotelNode.waitFor({ state: 'visible' });
    await check('process-04-reminder-changed');

    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = await page.getByLabel('JSON voor gevorderden').inputValue();
    expect(json).toContain('"first": "P2M"');
    expect(json).not.toMatch(/"position"|"selected"|"measured"/);
    await check('process-05-json');

    // An invalid payload schema is reported in the browser as the server would (ajv's meta-schema), then undone.
    const field = page.getByLabel('JSON voor gevorderden');
    const broken = JSON.parse(json) as unknown;
    expect(breakFirstPayloadSchema(broken)).toBe(true);
    await field.fill(JSON.stringify(broken, null, 2));
    const issues = page.getByRole('region', { name: 'Fouten en waarschuwingen' });
    await issues.getByText('Ongeldig gegevensschema', { exact: false }).first().waitFor();
    await check('process-05b-invalid-payload-schema');
    await field.fill(json);
    // Validation follows the text a moment later (a deferred value): wait for the issue to go.
    await issues.getByText('Ongeldig gegevensschema', { exact: false }).first().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.locator('.save-state').filter({ hasText: 'Opgeslagen' }).waitFor();

    await page.getByRole('tab', { name: 'Versies en publiceren' }).click();
    await page
      .getByLabel('Wat is er gewijzigd en waarom?')
      .fill('Eerste herinnering na 2 maanden in plaats van 3, zodat de woningzoektocht eerder begint.');
    await page.getByRole('button', { name: 'Ter beoordeling aanbieden' }).click();
    await page.getByText('is ter beoordeling aangeboden.', { exact: false }).waitFor();
    await check('process-06-submitted');
    await designerContext.close();

    const approverPassword = await stack.createUser('procesgoedkeurder', ['approver'], 'Greet Goedkeurder');
    const approverContext = await stack.browser.newContext({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    const approver = await loginInBrowser(approverContext, stack.base, 'procesgoedkeurder', approverPassword);
    await approver.goto(`${stack.base}/processen/${PROCESS}`);
    await approver.locator(`.react-flow__node[data-id="${HOTEL_STEP}"] .pd-diff-changed`).waitFor();
    await screenshot(approver, 'process-07-approver-graph');
    violations['process-07-approver-graph'] = await seriousA11yViolations(approver);
    await approver.getByRole('tab', { name: 'Versies en publiceren' }).click();
    await approver.getByText('wacht op uw beoordeling.', { exact: false }).waitFor();
    await approver.locator('.diff').getByText('P2M').first().waitFor();
    await screenshot(approver, 'process-08-review');
    violations['process-08-review'] = await seriousA11yViolations(approver);
    await approver.getByRole('button', { name: 'Goedkeuren en publiceren' }).click();
    await approver.getByText('is goedgekeurd', { exact: false }).waitFor();
    await screenshot(approver, 'process-09-published');
    await approverContext.close();

    const effective = await request(stack.product.app)
      .get(`/api/v1/definitions/${PROCESS}/effective`)
      .set(stack.product.auth);
    expect(effective.status).toBe(200);
    expect(effective.body.content.parameters.reminders.first).toBe('P2M');

    const after = await startHotelCase('E2E-PROC-NA', placement);
    expect(reminderAt(after.deadlines, 'drie-maanden')).toBe(
      addDuration(new Date(`${placement}T00:00:00Z`), 'P2M').toISOString(),
    );
    // The case started before keeps the version it started with.
    const old = await request(stack.product.app).get(`/api/v1/cases/${before.caseId}`).set(stack.product.auth);
    expect(reminderAt(old.body.deadlines, 'drie-maanden')).toBe(
      addDuration(new Date(`${placement}T00:00:00Z`), 'P3M').toISOString(),
    );

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  }, 240_000);
});
