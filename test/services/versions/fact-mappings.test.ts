import { validateArtifactContent } from '../../../services/wiring/content-validator';
import { seedsFor } from '../../../services/wiring/seeds';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';
import { publishSeededRuleSet } from './publish-seeded';

describe('complete facts, or no decision: fact mappings are checked against the rule set at publish time', () => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite', {
      seeds: (tenant) => seedsFor(tenant, '2026-03-02'),
      validateContent: validateArtifactContent,
    });
    await addTenant(t, 'GM0363');
    await publishSeededRuleSet(t, 'GM0363');
  });
  afterAll(async () => t?.dispose());

  it('refuses a process whose decision step does not pass a fact the published rule set needs, naming step and fact', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
    const draft = await designer.post('/definitions/huisvesting-statushouder/versions', {});
    expect(draft.status).toBe(201);
    const version = draft.body.version as number;
    const content = draft.body.content;
    const index = content.nodes.findIndex((n: { id: string }) => n.id === 'voorrangsbesluit');
    delete content.nodes[index].facts.dateOfBirth;
    expect((await designer.put(`/definitions/huisvesting-statushouder/versions/${version}`, { content })).status).toBe(
      200,
    );
    const refused = await designer.post(`/definitions/huisvesting-statushouder/versions/${version}/submit`, {
      comment: 'zonder geboortedatum',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_PUBLISHABLE', path: `/content/nodes/${index}/facts` });
    expect(refused.body.error.details.issues).toEqual([
      expect.objectContaining({ code: 'FACT_NOT_MAPPED', path: `/content/nodes/${index}/facts` }),
    ]);
    expect(refused.body.error.details.issues[0].message).toContain('"voorrangsbesluit"');
    expect(refused.body.error.details.issues[0].message).toContain('"dateOfBirth"');

    // Mapped again: the same draft goes to review.
    content.nodes[index].facts.dateOfBirth = 'data.statushouder.dateOfBirth';
    expect((await designer.put(`/definitions/huisvesting-statushouder/versions/${version}`, { content })).status).toBe(
      200,
    );
    expect(
      (await designer.post(`/definitions/huisvesting-statushouder/versions/${version}/submit`, { comment: 'compleet' }))
        .status,
    ).toBe(200);
  });

  it('refuses a rule set that needs a fact a published process does not pass (the urgency scheme needs income)', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper2', ['designer']);
    const draft = await designer.post('/rulesets/housing-priority/versions', {});
    expect(draft.status).toBe(201);
    const content = draft.body.content;
    // One more condition on a fact no decision step of the published housing process passes.
    content.rules[0].conditions.all.push({ fact: 'annualIncome', operator: 'lessThanInclusive', value: 51537 });
    expect((await designer.put(`/rulesets/housing-priority/versions/${draft.body.version}`, { content })).status).toBe(
      200,
    );
    const refused = await designer.post(`/rulesets/housing-priority/versions/${draft.body.version}/submit`, {
      comment: 'inkomensgrens',
    });
    expect(refused.status).toBe(422);
    const facts = (refused.body.error.details.issues as Array<{ code: string; message: string }>).map((i) => [
      i.code,
      /"(\w+)" niet door/.exec(i.message)?.[1],
    ]);
    expect(facts).toEqual([
      ['FACT_NOT_MAPPED', 'annualIncome'],
      ['FACT_NOT_MAPPED', 'annualIncome'],
    ]);
  });
});
