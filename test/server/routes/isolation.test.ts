import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  createStoreTestApp,
  keyCaller,
  RULESET,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';
import { PERMISSIONS } from '../../../services/auth/roles';

const A = 'GM0001';
const B = 'GM0002';
const SECRET = 'GEHEIM-VAN-B';

describeEachDialect('tenant isolation', (dialect) => {
  let t: StoreTestApp;
  const b = { userId: '', keyId: '' };
  const callers: Record<string, Caller> = {};

  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, A, 'Gemeente A');
    await addTenant(t, B, 'Gemeente B');
    // B's objects: a published rule set and definition, a draft in review, a user, a key, audit entries.
    const bAdmin = await userCaller(t, B, 'admin-b', ['admin']);
    const bDesigner = await userCaller(t, B, 'ontwerper-b', ['designer']);
    const bApprover = await userCaller(t, B, 'fiatteur-b', ['approver']);
    await bDesigner.post('/rulesets', { key: 'alleen-b', name: SECRET, content: { ...RULESET(), secret: SECRET } });
    await bDesigner.post('/rulesets/alleen-b/versions/1/submit', { comment: SECRET });
    await bApprover.post('/rulesets/alleen-b/versions/1/approve', {});
    await bDesigner.post('/rulesets/alleen-b/versions', {});
    await bDesigner.post('/rulesets/alleen-b/versions/2/submit', { comment: SECRET });
    await bDesigner.post('/definitions', { key: 'proces-b', name: SECRET, content: { nodes: [], secret: SECRET } });
    // The same key in both municipalities: each sees only its own.
    await bDesigner.post('/rulesets', { key: 'housing-priority', name: SECRET, content: { secret: SECRET } });
    b.userId = bDesigner.user.id;
    b.keyId = (await bAdmin.post('/api-keys', { name: SECRET, permissions: ['cases:read'] })).body.apiKey.id;

    callers['A user with every municipal role'] = await userCaller(t, A, 'alles-a', [
      'admin',
      'designer',
      'approver',
      'supervisor',
    ]);
    callers['A national administrator of A'] = await userCaller(t, A, 'landelijk-a', [
      'admin',
      'designer',
      'approver',
      'national-admin',
    ]);
    callers['A key of A with every permission'] = await keyCaller(t, A, [...PERMISSIONS]);
    await callers['A user with every municipal role'].post('/rulesets', {
      key: 'housing-priority',
      name: 'Van A',
      content: RULESET(),
    });
  });
  afterAll(() => t.dispose());

  const targets = (): [string, string, string, unknown?][] => [
    ['GET', 'user', `/users/${b.userId}`],
    ['PATCH', 'user', `/users/${b.userId}`, { disabled: true }],
    ['POST', 'user', `/users/${b.userId}/reset-password`, {}],
    ['GET', 'key', `/api-keys/${b.keyId}`],
    ['POST', 'key', `/api-keys/${b.keyId}/revoke`, {}],
    ...['rulesets/alleen-b', 'definitions/proces-b'].flatMap((base): [string, string, string, unknown?][] => [
      ['GET', 'artifact', `/${base}`],
      ['GET', 'artifact', `/${base}/effective`],
      ['GET', 'artifact', `/${base}/diff?from=1&to=1`],
      ['GET', 'artifact', `/${base}/versions/1`],
      ['POST', 'artifact', `/${base}/versions`, {}],
      ['PUT', 'artifact', `/${base}/versions/2`, { content: RULESET(7) }],
      ['POST', 'artifact', `/${base}/versions/1/submit`, { comment: 'x' }],
      ['POST', 'artifact', `/${base}/versions/2/approve`, {}],
      ['POST', 'artifact', `/${base}/versions/2/reject`, { comment: 'x' }],
      ['POST', 'artifact', `/${base}/versions/1/retire`, { reason: 'x' }],
    ]),
  ];

  it.each(['A user with every municipal role', 'A national administrator of A', 'A key of A with every permission'])(
    "%s gets 404 or 403 on every endpoint naming B's objects, and never B's data",
    async (who) => {
      const c = callers[who]!;
      for (const [method, , path, body] of targets()) {
        const res = await c.send(method.toLowerCase() as 'get', path, body);
        expect([403, 404]).toContain(res.status);
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(res.text).not.toContain(SECRET);
      }
    },
  );

  it.each(['A user with every municipal role', 'A national administrator of A', 'A key of A with every permission'])(
    '%s sees none of B in any list, the audit trail or the CSV export',
    async (who) => {
      const c = callers[who]!;
      for (const path of [
        '/rulesets',
        '/definitions',
        '/users',
        '/api-keys',
        '/audit',
        '/audit/export.csv',
        '/auth/me',
        '/rulesets/housing-priority',
        '/rulesets/housing-priority/versions/1',
      ]) {
        const res = await c.get(path);
        expect([200, 403]).toContain(res.status);
        expect(res.text).not.toContain(SECRET);
        expect(res.text).not.toContain(b.userId);
      }
    },
  );

  it('only a national administrator reads another municipality, and only its name', async () => {
    expect((await callers['A user with every municipal role']!.get(`/tenants/${B}`)).status).toBe(404);
    expect((await callers['A key of A with every permission']!.get(`/tenants/${B}`)).status).toBe(404);
    const national = await callers['A national administrator of A']!.get(`/tenants/${B}`);
    expect(national.body).toEqual({ id: B, name: 'Gemeente B', createdAt: expect.any(String) });
  });

  it("left B's objects untouched", async () => {
    const versions = await t.deps.store.db
      .selectFrom('artifact_versions')
      .select(['version', 'status', 'content'])
      .where('tenant_id', '=', B)
      .orderBy('created_at')
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.status).sort()).toEqual(['draft', 'draft', 'in_review', 'published']);
    const user = await t.deps.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', b.userId)
      .executeTakeFirstOrThrow();
    expect(user.disabled_at).toBeNull();
    const key = await t.deps.store.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', b.keyId)
      .executeTakeFirstOrThrow();
    expect(key.revoked_at).toBeNull();
    const audit = await t.deps.store.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('tenant_id', '=', B)
      .execute();
    const aUsers = await t.deps.store.db.selectFrom('users').select('id').where('tenant_id', '=', A).execute();
    const aKeys = await t.deps.store.db.selectFrom('api_keys').select('id').where('tenant_id', '=', A).execute();
    const aActors = new Set([...aUsers, ...aKeys].map((x) => x.id));
    expect(audit.filter((e) => aActors.has(e.actor_id))).toEqual([]);
  });
});
