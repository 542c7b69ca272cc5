import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  caller,
  createStoreTestApp,
  login,
  TEST_PASSWORD,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';

describeEachDialect('user routes', (dialect) => {
  let t: StoreTestApp;
  let admin: Caller & { user: { id: string } };
  const GM = 'GM0599';
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    await addTenant(t, GM, 'Rotterdam');
    admin = await userCaller(t, GM, 'beheerder', ['admin']);
  });
  afterAll(() => t.dispose());

  it('creates a user with a one-time password shown once, lists and reads users without hashes', async () => {
    const res = await admin.post('/users', {
      username: 'a.de.vries',
      displayName: 'Anna de Vries',
      roles: ['designer', 'approver'],
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      username: 'a.de.vries',
      roles: ['designer', 'approver'],
      mustChangePassword: true,
    });
    const list = await admin.get('/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['a.de.vries', 'beheerder']);
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|password_hash|passwordHash/);
    expect((await admin.get(`/users/${res.body.user.id}`)).body.displayName).toBe('Anna de Vries');
    expect((await admin.post('/users', { username: 'a.de.vries', roles: ['designer'] })).body.error).toMatchObject({
      code: 'USERNAME_TAKEN',
      path: '/body/username',
    });
  });

  it('changes roles and disables a user, which ends their sessions (both)', async () => {
    const target = await userCaller(t, GM, 'tijdelijk', ['supervisor']);
    const roles = await admin.patch(`/users/${target.user.id}`, {
      roles: ['supervisor', 'designer'],
      reason: 'nieuwe taak',
    });
    expect(roles.body.roles).toEqual(['supervisor', 'designer']);
    // A role change signs the user out everywhere; the next sign-in has the new roles.
    expect((await target.get('/auth/me')).status).toBe(401);
    expect((await (await login(t, GM, 'tijdelijk')).get('/auth/me')).body.roles).toEqual(['supervisor', 'designer']);
    const disabled = await admin.patch(`/users/${target.user.id}`, { disabled: true, reason: 'uit dienst' });
    expect(disabled.body.disabled).toBe(true);
    expect((await target.get('/auth/me')).status).toBe(401);
    expect(
      (await caller(t.app).post('/auth/login', { tenant: GM, username: 'tijdelijk', password: TEST_PASSWORD })).status,
    ).toBe(401);
    const audit = await admin.get(`/audit?targetId=${target.user.id}&action=user.update`);
    expect(audit.body.items.map((e: { reason: string }) => e.reason)).toEqual(['uit dienst', 'nieuwe taak']);
  });

  it('resets a password to a new one-time password', async () => {
    const target = await userCaller(t, GM, 'vergeten', ['designer']);
    const res = await admin.post(`/users/${target.user.id}/reset-password`, { reason: 'wachtwoord vergeten' });
    expect(res.status).toBe(200);
    expect((await target.get('/auth/me')).status).toBe(401);
    const again = await login(t, GM, 'vergeten', res.body.oneTimePassword);
    expect((await again.get('/auth/me')).body.mustChangePassword).toBe(true);
  });

  it('keeps an admin from locking themselves out and from granting national-admin', async () => {
    expect((await admin.patch(`/users/${admin.user.id}`, { disabled: true })).body.error.code).toBe('SELF_LOCKOUT');
    expect((await admin.patch(`/users/${admin.user.id}`, { roles: ['designer'] })).body.error.code).toBe(
      'SELF_LOCKOUT',
    );
    const res = await admin.post('/users', { username: 'stiekem', roles: ['national-admin'] });
    expect(res.status).toBe(403);
    expect(res.body.error.path).toBe('/body/roles');
  });

  it('answers bad input with a 400 naming the path, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ username: 'x', roles: ['designer'] }, '/body/username'],
      [{ username: "robert'); DROP TABLE users;--", roles: ['designer'] }, '/body/username'],
      [{ username: 'geldig', roles: ['superuser'] }, '/body/roles/0'],
      [{ username: 'geldig', roles: 'designer' }, '/body/roles'],
      [{ username: 'geldig', roles: [] }, '/body/roles'],
      [{ username: 'geldig', roles: ['designer'], isAdmin: true }, '/body/isAdmin'],
      [{ username: 42, roles: ['designer'] }, '/body/username'],
      [{ roles: ['designer'] }, '/body/username'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/users', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path });
    }
    expect((await admin.get('/users/not-a-uuid')).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: '/params/userId',
    });
    expect((await admin.patch(`/users/${admin.user.id}`, {})).status).toBe(400);
    const users = await t.deps.store.db.selectFrom('users').select('username').where('tenant_id', '=', GM).execute();
    expect(users.map((u) => u.username)).not.toContain('geldig');
  });
});
