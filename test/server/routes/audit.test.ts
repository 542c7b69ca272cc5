import { describeEachDialect } from '../../support/postgres';
import { addTenant, createStoreTestApp, userCaller, type Caller, type StoreTestApp } from '../../support/store-app';

describeEachDialect('audit routes', (dialect) => {
  let t: StoreTestApp;
  let admin: Caller & { user: { id: string } };
  let designer: Caller & { user: { id: string } };
  let approver: Caller & { user: { id: string } };
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, 'GM0772', 'Eindhoven');
    admin = await userCaller(t, 'GM0772', 'beheerder', ['admin']);
    designer = await userCaller(t, 'GM0772', 'ontwerper', ['designer']);
    approver = await userCaller(t, 'GM0772', 'fiatteur', ['approver']);
    await designer.post('/rulesets', { key: 'housing-priority', name: 'Urgentie', content: { rules: [] } });
    await designer.post('/rulesets/housing-priority/versions/1/submit', {
      comment: 'graag, "met" komma\'s, en =SOM(1)',
    });
    await approver.post('/rulesets/housing-priority/versions/1/approve', { comment: 'akkoord' });
  });
  afterAll(() => t.dispose());

  it('records who, when, what (before/after) and why for every step of publishing', async () => {
    const res = await admin.get('/audit?targetType=ruleset');
    expect(res.status).toBe(200);
    const items = res.body.items as {
      action: string;
      actor: { id: string };
      after: string;
      reason: string | null;
      at: string;
    }[];
    expect(items.map((e) => e.action)).toEqual([
      'version.publish',
      'version.approve',
      'version.submit',
      'version.create',
    ]);
    expect(items[1]).toMatchObject({
      actor: { id: approver.user.id },
      after: 'ruleset/housing-priority@1',
      reason: 'akkoord',
    });
    expect(items[3]).toMatchObject({ actor: { id: designer.user.id } });
    expect(items.every((e) => e.at === t.clock().toISOString())).toBe(true);
  });

  it('filters by actor, action prefix and time, and pages newest first', async () => {
    const mine = await admin.get(`/audit?actorId=${designer.user.id}&action=version.`);
    expect(mine.body.items.map((e: { action: string }) => e.action)).toEqual(['version.submit', 'version.create']);
    const none = await admin.get('/audit?from=2030-01-01');
    expect(none.body.items).toEqual([]);
    const page1 = await admin.get('/audit?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await admin.get(`/audit?limit=2&before=${page1.body.nextBefore}`);
    expect(page2.body.items[0].seq).toBeLessThan(page1.body.items[1].seq);
    expect((await admin.get('/audit?limit=5000')).body.error.path).toBe('/query/limit');
    expect((await admin.get("/audit?action=x' OR 1=1--")).body.error.path).toBe('/query/action');
  });

  it('exports the filtered trail as CSV with quoting and no formula injection', async () => {
    const res = await admin.get('/audit/export.csv?action=version.submit');
    expect(res.status).toBe(200);
    expect(res.get('Content-Type')).toMatch(/^text\/csv/);
    expect(res.get('Content-Disposition')).toMatch(/audit-GM0772\.csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,tenant,actor_kind,actor_id,action,target_type,target_id,before,after,reason,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"graag, ""met"" komma\'s, en =SOM(1)"');
  });

  it('is readable by every municipal role, not by API keys, and has no way to change it', async () => {
    const supervisor = await userCaller(t, 'GM0772', 'toezicht', ['supervisor']);
    expect((await supervisor.get('/audit')).status).toBe(200);
    expect((await designer.get('/audit')).status).toBe(200);
    const key = await admin.post('/api-keys', { name: 'lezer', permissions: ['cases:read', 'rulesets:read'] });
    const keyCaller = { Authorization: `Bearer ${key.body.secret}` };
    const request = (await import('supertest')).default;
    expect((await request(t.app).get('/api/v1/audit').set(keyCaller)).status).toBe(403);
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      expect((await request(t.app)[method]('/api/v1/audit').set(admin.headers)).status).toBe(404);
    }
  });
});
