import request from 'supertest';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { userCaller, type StoreTestApp } from '../support/store-app';
import { uniqueId } from '../support/factories';
import { publishSeededRuleSet } from '../services/versions/publish-seeded';

const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

/** A medically urgent household that meets every basic condition of the VNG-model urgency scheme. */
const application = {
  municipality: TEST_TENANT,
  applicationDate: today,
  householdSize: 2,
  annualIncome: 30000,
  yearsOfRegionalTies: 5,
  rentArrears: false,
  hasIndependentHome: true,
  medicalUrgency: true,
  emergencySelfCaused: false,
  solvableByApplicant: false,
  solvableByMoveMonths: 3,
  aanvrager: { dateOfBirth: '1980-03-14' },
};

interface DecisionRecord {
  nodeId: string;
  status?: string;
  ruleSetKind: string;
  ruleSetId: string;
  ruleSetVersion: number;
  events: Array<{ type: string; params?: Record<string, unknown> }>;
}

describe('urgency applications decided by the municipality’s urgency scheme (issue 14 item 3; real Temporal, real store)', () => {
  let product: RunningProduct;
  let t: StoreTestApp;
  beforeAll(async () => {
    product = await startProduct();
    t = { app: product.app, deps: product.product.storeDeps, clock: () => new Date() } as unknown as StoreTestApp;
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  it('the seeded scheme is published without a fact gap; an application started afterwards is proposed by it, version named', async () => {
    const designer = await userCaller(t, TEST_TENANT, 'urgentie-ontwerper', ['designer']);
    // Seeded as a draft, like the status holders' priority: nothing decides before a person publishes it.
    expect((await designer.get('/rulesets/urgency-scheme/versions/1')).body).toMatchObject({
      status: 'draft',
      content: { kind: 'urgency-scheme' },
    });
    // Before: refused 422 FACT_NOT_MAPPED, because the status holders' process asked the same kind.
    expect(await publishSeededRuleSet(t, TEST_TENANT, { kind: 'urgency-scheme' })).toBe(1);
    expect((await designer.get('/rulesets/urgency-scheme/versions/1')).body.status).toBe('published');

    const started = await request(product.app)
      .post('/api/v1/processes/urgentie-aanvraag/cases')
      .set(product.auth)
      .send({ caseRef: uniqueId('ZAAK'), data: application });
    expect(started.status).toBe(201);
    const caseId = started.body.caseId as string;
    const waiting = await eventually(async () => {
      const state = (await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth)).body;
      return state.pendingDecision?.phase === 'confirmation' && state;
    }, 60_000);
    expect(waiting.pendingDecision).toMatchObject({ nodeId: 'urgentiebesluit', proposal: { branch: 'priority' } });
    const decision = (waiting.decisions as DecisionRecord[]).find((d) => d.nodeId === 'urgentiebesluit');
    // The scheme's own category (medical urgency) from its published version 1: not the status-holder rule.
    expect(decision).toMatchObject({
      status: 'proposed',
      ruleSetKind: 'urgency-scheme',
      ruleSetId: 'urgency-scheme',
      ruleSetVersion: 1,
      events: [expect.objectContaining({ type: 'priority', params: expect.objectContaining({ category: 'medical' }) })],
    });
  }, 120_000);
});
