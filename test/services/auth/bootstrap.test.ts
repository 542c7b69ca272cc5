import { bootstrapAdmin, bootstrapOptionsFromEnv } from '../../../services/auth/bootstrap';
import { describeEachDialect } from '../../support/postgres';
import { caller, createStoreTestApp, login, type StoreTestApp } from '../../support/store-app';

describe('bootstrap options', () => {
  it('reads the environment, with working defaults', () => {
    expect(bootstrapOptionsFromEnv({})).toEqual({
      tenantId: 'GM0000',
      tenantName: 'Landelijk beheer',
      username: 'admin',
    });
    expect(
      bootstrapOptionsFromEnv({
        DOORSTROOM_ADMIN_TENANT: 'GM0363',
        DOORSTROOM_ADMIN_TENANT_NAME: 'Amsterdam',
        DOORSTROOM_ADMIN_USERNAME: 'root',
        DOORSTROOM_ADMIN_PASSWORD: 'pw',
      }),
    ).toEqual({ tenantId: 'GM0363', tenantName: 'Amsterdam', username: 'root', password: 'pw' });
  });
});

describeEachDialect('first-start admin', (dialect) => {
  let t: StoreTestApp;
  beforeEach(async () => {
    t = await createStoreTestApp(dialect, {
      seeds: () => [{ type: 'ruleset', key: 'housing-priority', name: 'Voorrang', content: { rules: [] } }],
    });
  });
  afterEach(() => t.dispose());

  it('creates the first municipality and a national admin with a one-time password, once', async () => {
    const first = await bootstrapAdmin(t.deps, { tenantId: 'GM0363', tenantName: 'Amsterdam', username: 'admin' });
    expect(first).toMatchObject({
      created: true,
      tenantId: 'GM0363',
      username: 'admin',
      oneTimePassword: expect.stringMatching(/^\w{20}$/),
    });
    expect(await bootstrapAdmin(t.deps, { tenantId: 'GM0363', tenantName: 'Amsterdam', username: 'admin' })).toEqual({
      created: false,
    });
    const otp = (first as { oneTimePassword: string }).oneTimePassword;
    const admin = await login(t, 'GM0363', 'admin', otp);
    const me = await admin.get('/auth/me');
    expect(me.body).toMatchObject({ roles: ['admin', 'national-admin'], mustChangePassword: true });
    await admin.post('/auth/password', { currentPassword: otp, newPassword: 'een sterk wachtwoord' });
    expect((await admin.get('/rulesets')).body.items.map((a: { key: string }) => a.key)).toEqual(['housing-priority']);
    expect((await admin.get('/audit?action=tenant.create')).body.items[0]).toMatchObject({
      actor: { kind: 'system', id: 'bootstrap' },
      reason: 'first start',
    });
  });

  it('takes the password from the environment without forcing a change', async () => {
    const result = await bootstrapAdmin(t.deps, {
      tenantId: 'GM0000',
      tenantName: 'Landelijk beheer',
      username: 'admin',
      password: 'uit de omgeving',
    });
    expect(result).toEqual({ created: true, tenantId: 'GM0000', username: 'admin' });
    const res = await caller(t.app).post('/auth/login', {
      tenant: 'GM0000',
      username: 'admin',
      password: 'uit de omgeving',
    });
    expect(res.body.mustChangePassword).toBe(false);
  });

  it('survives replicas starting at the same moment', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        bootstrapAdmin(t.deps, { tenantId: 'GM0000', tenantName: 'L', username: 'admin', password: 'pw pw pw pw pw' }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });
});

describe('bootstrap message', () => {
  it('prints the one-time password once, or says the configured one was used', async () => {
    const { bootstrapMessage } = await import('../../../services/auth/bootstrap');
    expect(bootstrapMessage({ created: false })).toBeUndefined();
    expect(bootstrapMessage({ created: true, tenantId: 'GM0000', username: 'admin', oneTimePassword: 'abc' })).toMatch(
      /abc/,
    );
    expect(bootstrapMessage({ created: true, tenantId: 'GM0000', username: 'admin' })).toMatch(
      /DOORSTROOM_ADMIN_PASSWORD/,
    );
  });

  it('falls back to DOORSTROOM_TENANT for the first municipality', () => {
    expect(bootstrapOptionsFromEnv({ DOORSTROOM_TENANT: 'GM0363' }).tenantId).toBe('GM0363');
  });
});
