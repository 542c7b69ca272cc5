import { validateArtifactContent } from '../../../services/wiring/content-validator';
import { seedsFor } from '../../../services/wiring/seeds';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';
import { finishRuleSetContent } from './publish-seeded';

describe('built-in templates are seeded as drafts, and only a finished rule set is published', () => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite', {
      seeds: (tenant) => seedsFor(tenant, '2026-03-02'),
      validateContent: validateArtifactContent,
    });
    await addTenant(t, 'GM0363');
  });
  afterAll(async () => t?.dispose());

  it('seeds the rule set as a draft with a real start date and the processes as published from the moment of creation', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper', ['designer']);
    const ruleSet = await designer.get('/rulesets/housing-priority/versions/1');
    expect(ruleSet.body).toMatchObject({
      status: 'draft',
      authorId: 'system:seed',
      effectiveFrom: null,
      reviewedBy: null,
    });
    expect(ruleSet.body.content).toMatchObject({
      tenant: 'GM0363',
      effectiveFrom: '2026-03-02',
      status: 'draft',
      parameters: { gemeentecode: { value: 'GM0363' } },
    });
    expect((await designer.get('/rulesets/housing-priority/effective')).status).toBe(404);
    const definitions = await designer.get('/definitions');
    expect(definitions.body.items.length).toBeGreaterThan(0);
    const hotel = await designer.get('/definitions/nareiziger-hotelverblijf/versions/1');
    expect(hotel.body).toMatchObject({ status: 'published' });
    expect(hotel.body.effectiveFrom).toBe(t.clock().toISOString());
    expect(JSON.stringify([ruleSet.body, hotel.body.effectiveFrom])).not.toContain('1970');
  });

  it('seeds the PIP learning-route template (inburgering-pip) as a draft too: no municipality writes its own first', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper-pip', ['designer']);
    const pip = await designer.get('/rulesets/inburgering-pip/versions/1');
    expect(pip.body).toMatchObject({ status: 'draft', authorId: 'system:seed' });
    expect(pip.body.content).toMatchObject({ kind: 'inburgering-pip', tenant: 'GM0363', effectiveFrom: '2026-03-02' });
    expect(pip.body.content.rules.map((r: { event: { type: string } }) => r.event.type)).toEqual([
      'b1-route',
      'onderwijsroute',
      'z-route',
    ]);
    const res = await designer.post('/rulesets/inburgering-pip/versions/1/submit', { comment: 'klaar?' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_PUBLISHABLE', path: '/content/rules/0/legalBasis' });
  });

  it('refuses to submit the seeded draft while placeholders remain: 422 with codes and paths', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper2', ['designer']);
    const res = await designer.post('/rulesets/housing-priority/versions/1/submit', { comment: 'klaar?' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_PUBLISHABLE', path: '/content/rules/0/legalBasis' });
    expect(res.body.error.details.issues).toEqual([
      {
        code: 'placeholder-remaining',
        path: '/content/rules/0/legalBasis',
        message: 'De invulvelden {{gemeente}}, {{jaar}}, {{artikel}} zijn nog niet ingevuld.',
        message_en: 'The placeholders {{gemeente}}, {{jaar}}, {{artikel}} have not been filled in.',
      },
    ]);
    expect((await designer.get('/rulesets/housing-priority/versions/1')).body.status).toBe('draft');
  });

  it('refuses the template municipality code, and publishes once the draft is finished', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper3', ['designer']);
    const approver = await userCaller(t, 'GM0363', 'goedkeurder3', ['approver']);
    const content = finishRuleSetContent((await designer.get('/rulesets/housing-priority/versions/1')).body.content);
    content.parameters.gemeentecode.value = 'GM0000';
    expect((await designer.put('/rulesets/housing-priority/versions/1', { content })).status).toBe(200);
    const refused = await designer.post('/rulesets/housing-priority/versions/1/submit', { comment: 'klaar' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.issues).toEqual([
      expect.objectContaining({ code: 'template-municipality-code', path: '/content/parameters/gemeentecode/value' }),
    ]);

    content.parameters.gemeentecode.value = 'GM0363';
    await designer.put('/rulesets/housing-priority/versions/1', { content }).expect(200);
    await designer.post('/rulesets/housing-priority/versions/1/submit', { comment: 'klaar' }).expect(200);
    const approved = await approver.post('/rulesets/housing-priority/versions/1/approve', { comment: 'akkoord' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', reviewedBy: approver.user.id });
  });

  it('checks again at approval, for a version that went into review before the check existed', async () => {
    const designer = await userCaller(t, 'GM0363', 'ontwerper4', ['designer']);
    const approver = await userCaller(t, 'GM0363', 'goedkeurder4', ['approver']);
    const published = (await designer.get('/rulesets/housing-priority/versions/1')).body.content;
    const draft = await designer.post('/rulesets/housing-priority/versions', { content: published });
    await designer
      .post(`/rulesets/housing-priority/versions/${draft.body.version}/submit`, { comment: 'v2' })
      .expect(200);
    const old = { ...published, title: 'Voorrang {{gemeente}}' };
    await t.deps.store.db
      .updateTable('artifact_versions')
      .set({ content: JSON.stringify(old) })
      .where('tenant_id', '=', 'GM0363')
      .where('version', '=', draft.body.version)
      .where('status', '=', 'in_review')
      .execute();
    const res = await approver.post(`/rulesets/housing-priority/versions/${draft.body.version}/approve`, {});
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'NOT_PUBLISHABLE', path: '/content/title' });
  });
});
