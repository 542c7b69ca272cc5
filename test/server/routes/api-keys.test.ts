import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  caller,
  createStoreTestApp,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';

describeEachDialect('API key routes', (dialect) => {
  let t: StoreTestApp;
  let admin: Caller;
  const GM = 'GM0518';
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, GM, 'Den Haag');
    admin = await userCaller(t, GM, 'beheerder', ['admin']);
  });
  afterAll(() => t.dispose());

  it('creates a key shown once and stored hashed; the key authenticates with its permissions only', async () => {
    const res = await admin.post('/api-keys', {
      name: 'COA-koppeling',
      permissions: ['cases:start', 'cases:events'],
      reason: 'koppeling COA',
    });
    expect(res.status).toBe(201);
    const secret = res.body.secret as string;
    expect(secret).toMatch(/^dsk_[A-Za-z0-9_-]{43}$/);
    expect(res.body.apiKey).toMatchObject({
      name: 'COA-koppeling',
      prefix: secret.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await t.deps.store.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', res.body.apiKey.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await admin.get('/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const key = caller(t.app, { Authorization: `Bearer ${secret}` });
    const me = await key.get('/auth/me');
    expect(me.body).toMatchObject({
      tenant: GM,
      actor: { kind: 'apiKey', name: 'COA-koppeling' },
      roles: [],
      permissions: ['cases:start', 'cases:events'],
    });
    expect(me.body).not.toHaveProperty('csrfToken');
    expect((await key.get('/rulesets')).status).toBe(403);
    expect((await admin.get(`/api-keys/${res.body.apiKey.id}`)).body.lastUsedAt).toBe(t.clock().toISOString());
  });

  it('revokes a key: it stops working at once, and revoking twice is harmless', async () => {
    const res = await admin.post('/api-keys', { name: 'tijdelijk', permissions: ['rulesets:read'] });
    const key = caller(t.app, { Authorization: `Bearer ${res.body.secret}` });
    expect((await key.get('/rulesets')).status).toBe(200);
    const revoked = await admin.post(`/api-keys/${res.body.apiKey.id}/revoke`, { reason: 'gelekt' });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await key.get('/rulesets')).status).toBe(401);
    expect((await admin.post(`/api-keys/${res.body.apiKey.id}/revoke`, {})).status).toBe(200);
    const audit = await admin.get('/audit?action=apiKey.');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'apiKey.revoke',
      'apiKey.create',
      'apiKey.create',
    ]);
  });

  it('needs no CSRF token with a bearer key, yet a key cannot manage keys or users', async () => {
    const res = await admin.post('/api-keys', { name: 'systeem', permissions: ['cases:read'] });
    const key = caller(t.app, { Authorization: `Bearer ${res.body.secret}` });
    expect((await key.post('/api-keys', { name: 'zelf', permissions: ['cases:read'] })).status).toBe(403);
    expect((await key.get('/users')).status).toBe(403);
  });

  it('refuses unknown permissions and empty names', async () => {
    const bad = await admin.post('/api-keys', { name: 'x', permissions: ['cases:delete'] });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/permissions/0' });
    expect((await admin.post('/api-keys', { name: '', permissions: ['cases:read'] })).body.error.path).toBe(
      '/body/name',
    );
    expect((await admin.post('/api-keys/00000000-0000-4000-8000-000000000000/revoke', {})).status).toBe(404);
  });
});
