import { validateArtifactContent } from '../../../services/wiring/content-validator';
import housingV2 from '../../../workflows/definitions/archive/huisvesting-statushouder-v2.json';
import { inlineDeclarations } from '../../../workflows/dsl/inline-declarations';
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
    // Format version 2: both decisions share the mapping "statushouder", so both lose the fact.
    const decisions = ['voorrangsbesluit', 'voorrang-na-weigering'].map((id) =>
      content.nodes.findIndex((n: { id: string }) => n.id === id),
    );
    delete content.factMappings.statushouder.dateOfBirth;
    expect((await designer.put(`/definitions/huisvesting-statushouder/versions/${version}`, { content })).status).toBe(
      200,
    );
    const refused = await designer.post(`/definitions/huisvesting-statushouder/versions/${version}/submit`, {
      comment: 'zonder geboortedatum',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'NOT_PUBLISHABLE',
      path: `/content/nodes/${decisions[0]}/factMappings`,
    });
    expect(refused.body.error.details.issues).toEqual(
      decisions.map((i) =>
        expect.objectContaining({ code: 'FACT_NOT_MAPPED', path: `/content/nodes/${i}/factMappings` }),
      ),
    );
    expect(refused.body.error.details.issues[0].message).toContain('"voorrangsbesluit"');
    expect(refused.body.error.details.issues[0].message).toContain('"dateOfBirth"');

    // Mapped again: the same draft goes to review.
    content.factMappings.statushouder.dateOfBirth = 'data.statushouder.dateOfBirth';
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

  it('a version-1 definition sent by an older client is stored as version 2 and read back as version 2', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper3', ['designer']);
    const draft = await designer.post('/definitions/huisvesting-statushouder/versions', {});
    // Version 2 of the process: version 1 has no form for v3's check step (the offer fit check).
    expect(draft.status).toBe(201);
    const v1 = inlineDeclarations(housingV2 as unknown as Parameters<typeof inlineDeclarations>[0]);
    expect(v1).not.toHaveProperty('formatVersion');
    const saved = await designer.put(`/definitions/huisvesting-statushouder/versions/${draft.body.version}`, {
      content: v1,
    });
    expect(saved.status).toBe(200);
    const read = await designer.get(`/definitions/huisvesting-statushouder/versions/${draft.body.version}`);
    expect(read.body.content).toMatchObject({
      formatVersion: 2,
      factMappings: { voorrangsbesluit: expect.any(Object) },
    });
    expect(inlineDeclarations(read.body.content)).toEqual(v1);
  });
});
