import { validateArtifactContent } from '../../../services/wiring/content-validator';
import housingV2 from '../../../workflows/definitions/archive/huisvesting-statushouder-v2.json';
import { inlineDeclarations } from '../../../workflows/dsl/inline-declarations';
import { seedsFor } from '../../../services/wiring/seeds';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';
import { loadTemplate } from '../../../rules';
import { finishRuleSetContent, publishSeededRuleSet } from './publish-seeded';

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
  describe('the urgency scheme (issue 14 item 3): a rule-set kind of its own', () => {
    const gm = 'GM0599';
    beforeAll(async () => {
      await addTenant(t, gm);
    });

    it('the seeded scheme publishes: urgentie-aanvraag and overgang-oekraine pass every fact it needs', async () => {
      const designer = await userCaller(t, gm, 'urgentie-ontwerper', ['designer']);
      expect(await publishSeededRuleSet(t, gm, { kind: 'urgency-scheme' })).toBe(1);
      const effective = await designer.get('/rulesets/urgency-scheme/effective');
      expect(effective.status).toBe(200);
      expect(effective.body.content).toMatchObject({ kind: 'urgency-scheme', id: 'urgency-scheme', tenant: gm });
      // The status holders' rule set is untouched: still the seeded draft, and publishable on its own.
      expect((await designer.get('/rulesets/housing-priority/versions/1')).body.status).toBe('draft');
      expect(await publishSeededRuleSet(t, gm)).toBe(1);
    });

    it('a real gap is still refused: overgang-oekraine without readyForIndependentLiving, naming step and fact', async () => {
      const designer = await userCaller(t, gm, 'overgang-ontwerper', ['designer']);
      const draft = await designer.post('/definitions/overgang-oekraine/versions', {});
      expect(draft.status).toBe(201);
      const { version, content } = draft.body as {
        version: number;
        content: { nodes: Array<{ id: string }>; factMappings: Record<string, Record<string, unknown>> };
      };
      const node = content.nodes.findIndex((n) => n.id === 'woonvoorrang');
      delete content.factMappings.huishouden!.readyForIndependentLiving;
      expect((await designer.put(`/definitions/overgang-oekraine/versions/${version}`, { content })).status).toBe(200);
      const refused = await designer.post(`/definitions/overgang-oekraine/versions/${version}/submit`, {
        comment: 'zonder zelfstandig-wonen',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: 'NOT_PUBLISHABLE',
        path: `/content/nodes/${node}/factMappings`,
      });
      expect(refused.body.error.details.issues).toEqual([
        expect.objectContaining({ code: 'FACT_NOT_MAPPED', path: `/content/nodes/${node}/factMappings` }),
      ]);
      expect(refused.body.error.details.issues[0].message).toContain('"woonvoorrang"');
      expect(refused.body.error.details.issues[0].message).toContain('"readyForIndependentLiving"');

      content.factMappings.huishouden!.readyForIndependentLiving = 'data.readyForIndependentLiving';
      expect((await designer.put(`/definitions/overgang-oekraine/versions/${version}`, { content })).status).toBe(200);
      expect(
        (await designer.post(`/definitions/overgang-oekraine/versions/${version}/submit`, { comment: 'compleet' }))
          .status,
      ).toBe(200);
    });

    it('the scheme offered as the status holders’ rule set is still refused: that process does not pass income', async () => {
      const designer = await userCaller(t, gm, 'verkeerde-soort', ['designer']);
      const scheme = finishRuleSetContent({
        ...loadTemplate('urgency-scheme', { tenant: gm, id: 'housing-priority', effectiveFrom: '2026-03-02' }),
        kind: 'housing-priority' as const,
      });
      scheme.parameters!.gemeentecode!.value = gm;
      const draft = await designer.post('/rulesets/housing-priority/versions', { content: scheme });
      expect(draft.status).toBe(201);
      const refused = await designer.post(`/rulesets/housing-priority/versions/${draft.body.version}/submit`, {
        comment: 'urgentieregeling als voorrang statushouders',
      });
      expect(refused.status).toBe(422);
      const issues = refused.body.error.details.issues as Array<{ code: string; message: string }>;
      expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['FACT_NOT_MAPPED']));
      expect(issues.every((i) => i.message.includes('"huisvesting-statushouder"'))).toBe(true);
      expect(new Set(issues.map((i) => /"(\w+)" niet door/.exec(i.message)?.[1]))).toEqual(
        new Set([
          'annualIncome',
          'yearsOfRegionalTies',
          'readyForIndependentLiving',
          'rentArrears',
          'emergencySelfCaused',
          'solvableByApplicant',
          'solvableByMoveMonths',
        ]),
      );
    });
  });
});
