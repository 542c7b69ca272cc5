import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../server/error-handler';
import { createDecisionsRouter } from '../../server/routes/decisions';
import { storeRuleSetSource } from '../../services/wiring/store-sources';
import { seedsFor } from '../../services/wiring/seeds';
import { validateArtifactContent } from '../../services/wiring/content-validator';
import { addTenant, createStoreTestApp, keyCaller, userCaller, type StoreTestApp } from '../support/store-app';
import { publishSeededRuleSet } from '../services/versions/publish-seeded';

const statusHolder = {
  permitType: 'asiel',
  linkedMunicipality: 'GM0363',
  dateOfBirth: '1990-05-01',
  householdSize: 4,
  hasIndependentHome: false,
  koppelingDate: '2026-09-01',
  permitDate: '2026-08-01',
};

describe('POST /rulesets/{kind}/evaluate (advice on request) on a real store', () => {
  let t: StoreTestApp;
  let app: express.Express;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite', { seeds: seedsFor, validateContent: validateArtifactContent });
    await addTenant(t, 'GM0363');
    await addTenant(t, 'GM0344');
    // A new municipality's rule set is a draft until it is finished and published (the test clock stands at 2026-03-02).
    await publishSeededRuleSet(t, 'GM0363');
    await publishSeededRuleSet(t, 'GM0344');
    await addTenant(t, 'GM0599');
    await publishSeededRuleSet(t, 'GM0599');
    app = express();
    app.use(express.json());
    app.use('/api/v1', createDecisionsRouter({ auth: t.deps, ruleSets: storeRuleSetSource(t.deps.store) }));
    app.use(errorHandler({ error: () => undefined }));
  });
  afterAll(async () => t?.dispose());

  it('evaluates the published rule set in force on the peildatum and explains it in Dutch', async () => {
    const key = await keyCaller(t, 'GM0363', ['rulesets:read']);
    const res = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: statusHolder, peildatum: '2026-11-27' });
    expect(res.status).toBe(200);
    expect(res.body.ruleSet).toMatchObject({ id: 'housing-priority', version: 1 });
    expect(res.body.events.map((e: { type: string }) => e.type)).toContain('priority');
    expect(res.body.text).toMatch(/voldaan/);
    expect(res.body.text).toContain('Uitkomst: voorrang.');
    expect(res.body.text).toContain('(Huisvestingsverordening Amsterdam 2026, art. 2.7');
    expect(res.body.text).not.toMatch(/\{\{|1970/);
  });

  it('advice without a needed fact is onvolledig: no events, the missing fact named with its Dutch label', async () => {
    const key = await keyCaller(t, 'GM0363', ['rulesets:read']);
    const withoutBirth: Record<string, unknown> = { ...statusHolder };
    delete withoutBirth.dateOfBirth;
    const res = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: withoutBirth, peildatum: '2026-11-27' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'incomplete',
      events: [],
      missingFacts: [expect.objectContaining({ name: 'dateOfBirth', type: 'date' })],
    });
    expect(res.body.missingFacts[0].label.nl).toMatch(/geboortedatum/i);
    const complete = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: statusHolder, peildatum: '2026-11-27' });
    expect(complete.body.status).toBe('complete');
  });

  it('a status holder linked to another municipality gets no priority there', async () => {
    const key = await keyCaller(t, 'GM0363', ['rulesets:read']);
    const res = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: { ...statusHolder, linkedMunicipality: 'GM0344' }, peildatum: '2026-11-27' });
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([]);
    expect(res.body.text).toMatch(/niet voldaan/);
  });

  it('400 naming the fact for an unknown fact or a wrong type; nothing in force before publication; 401/403/404', async () => {
    const key = await keyCaller(t, 'GM0363', ['rulesets:read']);
    const unknown = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: { bsn: '123456782' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_FACTS', path: '/body/facts/bsn' });
    const wrongType = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: { ...statusHolder, householdSize: '4' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error).toMatchObject({ code: 'INVALID_FACTS', path: '/body/facts/householdSize' });
    // Seeded rules are never in force from the start of time: before the first publication nothing decides.
    const early = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(key.headers)
      .send({ facts: statusHolder, peildatum: '1999-01-01' });
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe('NO_EFFECTIVE_VERSION');
    expect((await request(app).post('/api/v1/rulesets/housing-priority/evaluate').send({ facts: {} })).status).toBe(
      401,
    );
    const noRight = await keyCaller(t, 'GM0363', ['cases:read']);
    expect(
      (await request(app).post('/api/v1/rulesets/housing-priority/evaluate').set(noRight.headers).send({ facts: {} }))
        .status,
    ).toBe(403);
    expect(
      (await request(app).post('/api/v1/rulesets/bestaat-niet/evaluate').set(key.headers).send({ facts: {} })).status,
    ).toBe(404);
  });

  it('uses each municipality its own rule set: a published "no priority" version changes the advice for one only', async () => {
    const designer = await userCaller(t, 'GM0344', 'ontwerper', ['designer']);
    const approver = await userCaller(t, 'GM0344', 'goedkeurder', ['approver']);
    const current = await designer.get('/rulesets/housing-priority/versions/1');
    const content = current.body.content;
    content.rules = content.rules.map((r: { enabled?: boolean }) => ({ ...r, enabled: false }));
    const draft = await designer.post('/rulesets/housing-priority/versions', { content });
    expect(draft.body.error ?? null).toBeNull();
    expect(draft.status).toBe(201);
    const v = draft.body.version;
    const submitted = await designer.post(`/rulesets/housing-priority/versions/${v}/submit`, {
      comment: 'geen voorrang meer',
    });
    expect(submitted.body.error ?? null).toBeNull();
    // The test clock stands at 2026-03-02; the new version takes effect on 1 April.
    const approved = await approver.post(`/rulesets/housing-priority/versions/${v}/approve`, {
      effectiveFrom: '2026-04-01',
      comment: 'akkoord',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.scheduled).toBe(true);

    const keyB = await keyCaller(t, 'GM0344', ['rulesets:read']);
    const facts = { ...statusHolder, linkedMunicipality: 'GM0344' };
    const after = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(keyB.headers)
      .send({ facts, peildatum: '2026-11-27' });
    expect(after.body.ruleSet.version).toBe(v);
    expect(after.body.events).toEqual([]);
    const before = await request(app)
      .post('/api/v1/rulesets/housing-priority/evaluate')
      .set(keyB.headers)
      .send({ facts, peildatum: '2026-03-31' });
    expect(before.body.ruleSet.version).toBe(1);
    expect(before.body.events.length).toBeGreaterThan(0);
  });

  it("checks the facts against the catalog of the version in force: a municipality's own fact is known from its version on", async () => {
    const designer = await userCaller(t, 'GM0599', 'ontwerper', ['designer']);
    const approver = await userCaller(t, 'GM0599', 'goedkeurder', ['approver']);
    const content = (await designer.get('/rulesets/housing-priority/versions/1')).body.content;
    content.facts = {
      hulpbehoevendheidsscore: {
        type: 'integer',
        minimum: 0,
        maximum: 10,
        label: { nl: 'Hulpbehoevendheidsscore', en: 'Dependency score' },
        description: { nl: 'Score van de indicatiesteller.', en: "The assessor's score." },
        source: { nl: 'advies GGD-arts', en: 'GGD doctor' },
        // Not assessed is no care urgency; a needed fact would first have to be mapped by the processes (FACT_NOT_MAPPED).
        mayBeUnknown: true,
      },
    };
    content.rules.push({
      name: 'zorgurgentie',
      title: 'Zorgurgentie',
      description: 'Voorrang vanaf score 7.',
      legalBasis: 'Huisvestingsverordening Rotterdam 2026, art. 2.9',
      priority: 1,
      conditions: { all: [{ fact: 'hulpbehoevendheidsscore', operator: 'greaterThanInclusive', value: 7 }] },
      event: { type: 'priority', params: { category: 'care' } },
    });
    const draft = await designer.post('/rulesets/housing-priority/versions', { content });
    expect(draft.body.error ?? null).toBeNull();
    const v = draft.body.version;
    const submitted = await designer.post(`/rulesets/housing-priority/versions/${v}/submit`, {
      comment: 'zorgurgentie',
    });
    expect(submitted.body.error ?? null).toBeNull();
    expect(
      (
        await approver.post(`/rulesets/housing-priority/versions/${v}/approve`, {
          effectiveFrom: '2026-04-01',
          comment: 'akkoord',
        })
      ).status,
    ).toBe(200);

    const key = await keyCaller(t, 'GM0599', ['rulesets:read']);
    const ask = (facts: Record<string, unknown>, peildatum: string) =>
      request(app).post('/api/v1/rulesets/housing-priority/evaluate').set(key.headers).send({ facts, peildatum });
    const applicant = { ...statusHolder, linkedMunicipality: 'GM0344', hulpbehoevendheidsscore: 8 };
    const res = await ask(applicant, '2026-11-27');
    expect(res.status).toBe(200);
    expect(res.body.ruleSet.version).toBe(v);
    expect(res.body.events).toEqual([{ type: 'priority', params: { category: 'care' } }]);
    expect(res.body.text).toContain('Hulpbehoevendheidsscore is 8; vereist is minstens 7: voldaan.');
    const wrong = await ask({ ...applicant, hulpbehoevendheidsscore: '8' }, '2026-11-27');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_FACTS', path: '/body/facts/hulpbehoevendheidsscore' });
    const outOfRange = await ask({ ...applicant, hulpbehoevendheidsscore: 11 }, '2026-11-27');
    expect(outOfRange.body.error.details.errors[0].code).toBe('value-out-of-range');
    // The version in force before it does not know the fact: each decision is judged with its own version's catalog.
    const before = await ask(applicant, '2026-03-31');
    expect(before.status).toBe(400);
    expect(before.body.error.details.errors[0]).toMatchObject({
      code: 'unknown-fact',
      path: '/hulpbehoevendheidsscore',
    });
    const missing = await ask(statusHolder, '2026-11-27');
    expect(missing.body).toMatchObject({ status: 'complete' });
  });
});
