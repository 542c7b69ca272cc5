import request from 'supertest';
import { compareDecisions } from '../../../services/simulation/compare-decisions';
import { loadTemplate, evaluate } from '../../../rules';
import type { DecisionRecord } from '../../../workflows/case-state';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { userCaller, type StoreTestApp } from '../../support/store-app';
import { uniqueId } from '../../support/factories';
import { finishRuleSetContent, publishSeededRuleSet } from '../versions/publish-seeded';

const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

describe('compareDecisions (pure): a draft re-judges recorded decisions', () => {
  const published = {
    ...loadTemplate('status-holder-priority', { tenant: 'GM0363', effectiveFrom: '2026-01-01' }),
    status: 'published' as const,
  };
  published.parameters!.gemeentecode!.value = 'GM0363';
  const record = (facts: Record<string, unknown>): DecisionRecord => {
    const r = evaluate(published, facts, { peildatum: '2026-11-01', explain: true });
    return {
      nodeId: 'voorrangsbesluit',
      at: '2026-11-01T10:00:00.000Z',
      ruleSetKind: 'housing-priority',
      ruleSetId: 'housing-priority',
      ruleSetVersion: 1,
      peildatum: '2026-11-01',
      facts,
      events: r.events,
      explanation: r.explanation,
      branch: r.events[0]?.type ?? null,
      next: 'x',
    };
  };
  const adult = {
    permitType: 'asiel',
    linkedMunicipality: 'GM0363',
    hasIndependentHome: false,
    dateOfBirth: '1990-05-01',
  };
  const young = { ...adult, dateOfBirth: '2007-03-01' };

  it('lists the cases whose outcome changes, with the conditions that changed, and totals per outcome', () => {
    const draft = structuredClone(published);
    draft.parameters!.minimumLeeftijd!.value = 21;
    const result = compareDecisions(draft, [
      { caseId: 'c1', caseRef: 'ZAAK-1', record: record(adult) },
      { caseId: 'c2', caseRef: 'ZAAK-2', record: record(young) },
    ]);
    expect(result).toMatchObject({ compared: 2, changed: 1, unreadable: 0 });
    expect(result.cases).toEqual([
      expect.objectContaining({
        caseRef: 'ZAAK-2',
        before: { outcome: 'priority', label: expect.any(String) },
        after: { outcome: null, label: expect.any(String) },
        conditions: [
          expect.objectContaining({ fact: 'age', factLabel: 'Leeftijd', before: 'voldaan', after: 'niet-voldaan' }),
        ],
      }),
    ]);
    const totals = Object.fromEntries(result.totals.map((t) => [t.outcome ?? 'geen', [t.before, t.after]]));
    expect(totals).toEqual({ priority: [2, 1], geen: [0, 1] });
    expect(result.totals.map((t) => t.label)).not.toContain('priority');
  });

  it('the same rule set changes nothing', () => {
    expect(compareDecisions(published, [{ caseId: 'c1', caseRef: 'ZAAK-1', record: record(adult) }])).toMatchObject({
      compared: 1,
      changed: 0,
      cases: [],
    });
  });
});

describe("simulate a draft on the municipality's own decisions (real Temporal)", () => {
  let product: RunningProduct;
  let t: StoreTestApp;
  beforeAll(async () => {
    product = await startProduct();
    t = { app: product.app, deps: product.product.storeDeps, clock: () => new Date() } as unknown as StoreTestApp;
    await publishSeededRuleSet(t, TEST_TENANT);
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  it('re-judges the proposals of running cases with the draft, by caseRef; the approver sees the summary', async () => {
    const data = (dateOfBirth: string) => ({
      municipality: TEST_TENANT,
      householdSize: 2,
      permitType: 'asiel',
      permitDate: today,
      koppelingDate: today,
      statushouder: { dateOfBirth },
    });
    const refs = { adult: uniqueId('ZAAK-VOLW'), young: uniqueId('ZAAK-JONG') };
    for (const [ref, born] of [
      [refs.adult, '1990-05-01'],
      [refs.young, '2007-01-15'],
    ] as const) {
      const res = await request(product.app)
        .post('/api/v1/processes/huisvesting-statushouder/cases')
        .set(product.auth)
        .send({ caseRef: ref, data: data(born) });
      expect(res.status).toBe(201);
      await eventually(
        async () =>
          (await request(product.app).get(`/api/v1/cases/${res.body.caseId}`).set(product.auth)).body.pendingDecision
            ?.phase === 'confirmation',
        30_000,
      );
    }
    const designer = await userCaller(t, TEST_TENANT, 'sim-ontwerper', ['designer']);
    const draft = await designer.post('/rulesets/housing-priority/versions', {});
    const content = finishRuleSetContent(draft.body.content);
    content.parameters.minimumLeeftijd.value = 21;
    expect((await designer.put(`/rulesets/housing-priority/versions/${draft.body.version}`, { content })).status).toBe(
      200,
    );

    const sim = await designer.post(`/rulesets/housing-priority/versions/${draft.body.version}/simulate-own-cases`);
    expect(sim.status).toBe(200);
    expect(sim.body.compared).toBeGreaterThanOrEqual(2);
    const changed = (sim.body.cases as Array<{ caseRef: string; after: { outcome: string | null } }>).map(
      (c) => c.caseRef,
    );
    expect(changed).toContain(refs.young);
    expect(changed).not.toContain(refs.adult);

    const approver = await userCaller(t, TEST_TENANT, 'sim-goedkeurder', ['approver']);
    const summary = await approver.get(`/rulesets/housing-priority/versions/${draft.body.version}/simulation`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      changed: sim.body.changed,
      compared: sim.body.compared,
      ranBy: 'sim-ontwerper',
    });
    const key = await request(product.app)
      .post(`/api/v1/rulesets/housing-priority/versions/${draft.body.version}/simulate-own-cases`)
      .set(product.auth);
    expect(key.status).toBe(403);
  });
});
