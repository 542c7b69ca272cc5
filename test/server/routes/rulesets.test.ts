import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  createStoreTestApp,
  RULESET,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';
import type { ContentValidator } from '../../../services/versions/types';

/** A stand-in for the rules engineers' validator: rules need an id and known operators. */
const fakeValidator: ContentValidator = (_type, content) => {
  const rules = (content as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return [{ path: '/rules', message: 'must be an array' }];
  return rules.flatMap((r: { conditions?: { all?: { operator?: string }[] } }, i) =>
    (r.conditions?.all ?? []).flatMap((c, j) =>
      c.operator === 'bogus'
        ? [{ path: `/rules/${i}/conditions/all/${j}/operator`, message: 'unknown operator bogus' }]
        : [],
    ),
  );
};

describeEachDialect('rule set routes', (dialect) => {
  let t: StoreTestApp;
  let designer: Caller & { user: { id: string } };
  let approver: Caller & { user: { id: string } };
  const GM = 'GM0363';
  beforeAll(async () => {
    t = await createStoreTestApp(dialect, { validateContent: fakeValidator });
    await addTenant(t, GM, 'Amsterdam');
    designer = await userCaller(t, GM, 'ontwerper', ['designer']);
    approver = await userCaller(t, GM, 'fiatteur', ['approver']);
  });
  afterAll(() => t.dispose());

  async function publish(key: string, version: number, effectiveFrom?: string): Promise<void> {
    expect(
      (await designer.post(`/rulesets/${key}/versions/${version}/submit`, { comment: `versie ${version}` })).status,
    ).toBe(200);
    const res = await approver.post(
      `/rulesets/${key}/versions/${version}/approve`,
      effectiveFrom ? { effectiveFrom } : {},
    );
    expect(res.status).toBe(200);
  }

  it('walks the whole lifecycle: create, edit, submit, approve; published versions are immutable', async () => {
    const created = await designer.post('/rulesets', {
      key: 'housing-priority',
      name: 'Urgentieregeling',
      content: RULESET(1),
    });
    expect(created.status).toBe(201);
    expect(created.body.version).toMatchObject({ version: 1, status: 'draft', authorId: designer.user.id });
    const edited = await designer.put('/rulesets/housing-priority/versions/1', { content: RULESET(2) });
    expect(edited.status).toBe(200);
    expect(edited.body.content).toEqual(RULESET(2));
    const submitted = await designer.post('/rulesets/housing-priority/versions/1/submit', {
      comment: 'klaar voor review',
    });
    expect(submitted.body).toMatchObject({ status: 'in_review', submitComment: 'klaar voor review' });
    expect((await designer.put('/rulesets/housing-priority/versions/1', { content: RULESET(3) })).body.error.code).toBe(
      'VERSION_NOT_DRAFT',
    );
    const approved = await approver.post('/rulesets/housing-priority/versions/1/approve', { comment: 'akkoord' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', reviewedBy: approver.user.id, scheduled: false });
    const edit = await designer.put('/rulesets/housing-priority/versions/1', { content: RULESET(9) });
    expect(edit.status).toBe(409);
    expect((await designer.get('/rulesets/housing-priority/versions/1')).body.content).toEqual(RULESET(2));
    const history = await designer.get('/rulesets/housing-priority');
    expect(history.body.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'published'],
    ]);
    const list = await designer.get('/rulesets');
    expect(list.body.items).toEqual([
      expect.objectContaining({ key: 'housing-priority', latestVersion: 1, effectiveVersion: 1 }),
    ]);
  });

  it('chooses the version in force on a peildatum between two published versions', async () => {
    await designer.post('/rulesets', { key: 'peildatum', name: 'Peildatum', content: RULESET(1) });
    await publish('peildatum', 1);
    await designer.post('/rulesets/peildatum/versions', {});
    await designer.put('/rulesets/peildatum/versions/2', { content: RULESET(2) });
    await publish('peildatum', 2, '2026-07-01');
    const v2 = await designer.get('/rulesets/peildatum/versions/2');
    expect(v2.body).toMatchObject({ scheduled: true, effectiveFrom: '2026-06-30T22:00:00.000Z', basedOnVersion: 1 });
    const on = async (at: string) =>
      (await designer.get(`/rulesets/peildatum/effective?at=${encodeURIComponent(at)}`)).body.version;
    expect(await on('2026-04-15')).toBe(1);
    expect(await on('2026-06-30T21:59:59Z')).toBe(1);
    expect(await on('2026-07-01')).toBe(2);
    expect(await on('2027-01-01')).toBe(2);
    expect((await designer.get('/rulesets/peildatum/effective')).body.version).toBe(1);
    const before = await designer.get('/rulesets/peildatum/effective?at=2020-01-01');
    expect(before.status).toBe(404);
    expect(before.body.error.code).toBe('NO_EFFECTIVE_VERSION');
  });

  it('stops choosing a retired version from the moment it is retired', async () => {
    await designer.post('/rulesets', { key: 'intrekken', name: 'Intrekken', content: RULESET(1) });
    await publish('intrekken', 1);
    t.clock.advance(30 * 60 * 1000); // within the session's idle time
    const retired = await approver.post('/rulesets/intrekken/versions/1/retire', { reason: 'regeling vervalt' });
    expect(retired.body).toMatchObject({ status: 'retired', retireReason: 'regeling vervalt' });
    const earlier = new Date(t.clock().getTime() - 10 * 60 * 1000).toISOString();
    expect((await designer.get(`/rulesets/intrekken/effective?at=${earlier}`)).body.version).toBe(1);
    expect((await designer.get('/rulesets/intrekken/effective')).status).toBe(404);
  });

  it('rejects with a comment; the rejected version stays in the history and a new draft starts from it', async () => {
    await designer.post('/rulesets', { key: 'afwijzen', name: 'Afwijzen', content: RULESET(1) });
    await designer.post('/rulesets/afwijzen/versions/1/submit', { comment: 'graag kijken' });
    expect((await approver.post('/rulesets/afwijzen/versions/1/reject', {})).body.error.path).toBe('/body/comment');
    const rejected = await approver.post('/rulesets/afwijzen/versions/1/reject', { comment: 'grondslag ontbreekt' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewComment: 'grondslag ontbreekt' });
    const next = await designer.post('/rulesets/afwijzen/versions', { fromVersion: 1 });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1, content: RULESET(1) });
  });

  it('diffs two versions per rule: changed fields, added and removed rules, order changes', async () => {
    await designer.post('/rulesets', { key: 'verschil', name: 'Verschil', content: RULESET(1) });
    const [a, b] = RULESET(2).rules;
    await designer.post('/rulesets/verschil/versions', { content: { rules: [b, { ...a, id: 'nieuw' }], note: 'x' } });
    const diff = await designer.get('/rulesets/verschil/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    expect(diff.body.collection).toBe('/rules');
    const byKey = Object.fromEntries(diff.body.items.map((i: { key: string }) => [i.key, i]));
    expect(byKey.statushouder.change).toBe('removed');
    expect(byKey.nieuw.change).toBe('added');
    expect(byKey.medisch).toMatchObject({
      change: 'changed',
      position: { before: 1, after: 0 },
      fields: [{ path: '/event/params/n', before: 1, after: 2 }],
    });
    expect(diff.body.other).toEqual([{ path: '/note', after: 'x' }]);
    expect((await designer.get('/rulesets/verschil/diff?from=1&to=7')).body.error).toMatchObject({
      code: 'NOT_FOUND',
      path: '/query/to',
    });
  });

  it('refuses content the validator rejects, pointing into the body, and stores nothing', async () => {
    const bad = {
      rules: [{ id: 'x', conditions: { all: [{ fact: 'a', operator: 'bogus', value: 1 }] }, event: { type: 'e' } }],
    };
    const res = await designer.post('/rulesets', { key: 'ongeldig', name: 'Ongeldig', content: bad });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'CONTENT_INVALID',
      path: '/body/content/rules/0/conditions/all/0/operator',
    });
    expect((await designer.get('/rulesets/ongeldig')).status).toBe(404);
    await designer.post('/rulesets', { key: 'geldig', name: 'Geldig', content: RULESET() });
    expect((await designer.put('/rulesets/geldig/versions/1', { content: bad })).status).toBe(422);
    expect((await designer.get('/rulesets/geldig/versions/1')).body.content).toEqual(RULESET());
  });

  it('refuses a second artifact with the same key, and effective dates before today', async () => {
    await designer.post('/rulesets', { key: 'dubbel', name: 'Dubbel', content: RULESET() });
    const again = await designer.post('/rulesets', { key: 'dubbel', name: 'Dubbel', content: RULESET() });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ARTIFACT_EXISTS', path: '/body/key' });
    await designer.post('/rulesets/dubbel/versions/1/submit', { comment: 'c' });
    const past = await approver.post('/rulesets/dubbel/versions/1/approve', { effectiveFrom: '2020-01-01' });
    expect(past.body.error).toMatchObject({ code: 'EFFECTIVE_DATE_IN_PAST', path: '/body/effectiveFrom' });
    const invalid = await approver.post('/rulesets/dubbel/versions/1/approve', { effectiveFrom: 'morgen' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.path).toBe('/body/effectiveFrom');
    expect((await designer.get('/rulesets/dubbel/versions/1')).body.status).toBe('in_review');
  });
});

describeEachDialect('rule set routes: bad input', (dialect) => {
  let t: StoreTestApp;
  let designer: Caller;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, 'GM0200', 'Apeldoorn');
    designer = await userCaller(t, 'GM0200', 'ontwerper', ['designer']);
    await designer.post('/rulesets', { key: 'bestaand', name: 'Bestaand', content: RULESET() });
  });
  afterAll(() => t.dispose());

  async function nothingStored(): Promise<void> {
    const artifacts = await t.deps.store.db.selectFrom('artifacts').select('key').execute();
    expect(artifacts.map((a) => a.key)).toEqual(['bestaand']);
    const versions = await t.deps.store.db.selectFrom('artifact_versions').select(['version', 'content']).execute();
    expect(versions).toEqual([{ version: 1, content: JSON.stringify(RULESET()) }]);
  }

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await designer.post('/rulesets').set('Content-Type', 'application/json').send('{"key": "x", "name": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'MALFORMED_JSON', path: '/body' });
    await nothingStored();
  });

  it('answers an oversized body with 413 BODY_TOO_LARGE', async () => {
    const big = { key: 'groot', name: 'Groot', content: { rules: [], padding: 'x'.repeat(300 * 1024) } };
    const res = await designer.post('/rulesets', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('BODY_TOO_LARGE');
    await nothingStored();
  });

  it('answers a missing body or another content type with 400 at /body', async () => {
    const res = await designer.post('/rulesets').set('Content-Type', 'text/plain').send('key=x');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body' });
    await nothingStored();
  });

  it.each([
    [{ key: 'Hoofdletters', name: 'n', content: {} }, '/body/key'],
    [{ key: "x'; DROP TABLE artifacts;--", name: 'n', content: {} }, '/body/key'],
    [{ key: 'ok', name: 'n', content: [] }, '/body/content'],
    [{ key: 'ok', name: 'n', content: 'rules' }, '/body/content'],
    [{ key: 'ok', name: 7, content: {} }, '/body/name'],
    [{ key: 'ok', name: '', content: {} }, '/body/name'],
    [{ key: 'ok', name: 'tab\u0007bell', content: {} }, '/body/name'],
    [{ key: 'ok', name: 'x'.repeat(201), content: {} }, '/body/name'],
    [{ key: 'ok', content: {} }, '/body/name'],
    [{ key: 'ok', name: 'n', content: {}, status: 'published' }, '/body/status'],
    [[{ key: 'ok' }], '/body'],
    ['just a string', '/body'],
  ])('refuses %j at %s with 400 and stores nothing', async (body, path) => {
    const res = await designer.post('/rulesets', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path });
    expect(typeof res.body.error.message).toBe('string');
    await nothingStored();
  });

  it.each([
    ['/rulesets/bestaand/versions/1%27%20OR%201=1', '/params/version'],
    ['/rulesets/bestaand/versions/0', '/params/version'],
    ['/rulesets/bestaand/versions/1.5', '/params/version'],
    ["/rulesets/x'%20OR%20'1'='1", '/params/key'],
    ['/rulesets/bestaand/diff?from=1&to=abc', '/query/to'],
    ['/rulesets/bestaand/diff?from=1', '/query/to'],
    ['/rulesets/bestaand/effective?at=gisteren', '/query/at'],
    ['/rulesets/bestaand/effective?at=2026-02-30', '/query/at'],
  ])('refuses GET %s at %s', async (path, pointer) => {
    const res = await designer.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.path).toBe(pointer);
  });

  it('stores SQL-looking free text verbatim, as data, in drafts', async () => {
    const content = { rules: [], note: "Robert'); DROP TABLE artifact_versions;--" };
    const res = await designer.put('/rulesets/bestaand/versions/1', { content });
    expect(res.status).toBe(200);
    expect((await designer.get('/rulesets/bestaand/versions/1')).body.content).toEqual(content);
    await designer.put('/rulesets/bestaand/versions/1', { content: RULESET() });
    await nothingStored();
  });
});
