import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  addUser,
  caller,
  createStoreTestApp,
  login,
  sessionCookieOf,
  TEST_PASSWORD,
  userCaller,
  type StoreTestApp,
} from '../../support/store-app';

describeEachDialect('auth routes', (dialect) => {
  let t: StoreTestApp;
  let n = 0;
  const tenant = () => `GM1${String(++n).padStart(3, '0')}`;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
  });
  afterAll(() => t.dispose());

  it('logs in with an httpOnly SameSite=Strict cookie and tells who is calling', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    await addUser(t, gm, 'ontwerper', ['designer']);
    const res = await caller(t.app).post('/auth/login', { tenant: gm, username: 'ontwerper', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.get('Set-Cookie')?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const me = await caller(t.app, { Cookie: sessionCookieOf(res) }).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      tenant: gm,
      actor: { kind: 'user', name: 'ontwerper' },
      roles: ['designer'],
      csrfToken: res.body.csrfToken,
    });
    expect(me.body.permissions).toContain('rulesets:read');
  });

  it('stores a scrypt hash, never the password', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const user = await addUser(t, gm, 'beheer', ['admin']);
    const row = await t.deps.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('answers every failed login the same way: wrong password, unknown user, unknown municipality', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    await addUser(t, gm, 'piet', ['designer']);
    const tries = [
      { tenant: gm, username: 'piet', password: 'wrong password!' },
      { tenant: gm, username: 'niemand', password: TEST_PASSWORD },
      { tenant: 'GM9998', username: 'piet', password: TEST_PASSWORD },
    ];
    const bodies = [];
    for (const body of tries) {
      const res = await caller(t.app).post('/auth/login', body);
      expect(res.status).toBe(401);
      expect(res.get('Set-Cookie')).toBeUndefined();
      bodies.push(res.body);
    }
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    expect(bodies[0].error.code).toBe('LOGIN_FAILED');
  });

  it('slows one address down after three failures (429 LOGIN_THROTTLED, Retry-After) and never locks the account', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    await addUser(t, gm, 'jan', ['designer']);
    for (let i = 0; i < 3; i++) {
      expect(
        (await caller(t.app).post('/auth/login', { tenant: gm, username: 'jan', password: `wrong-${i}` })).status,
      ).toBe(401);
    }
    const waiting = await caller(t.app).post('/auth/login', { tenant: gm, username: 'jan', password: TEST_PASSWORD });
    expect(waiting.status).toBe(429);
    expect(waiting.body.error).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringMatching(/^Te veel mislukte pogingen/),
    });
    expect(waiting.get('Retry-After')).toBe('1');
    t.clock.advance(1_000);
    expect((await caller(t.app).post('/auth/login', { tenant: gm, username: 'jan', password: 'wrong-3' })).status).toBe(
      401,
    );
    expect(
      (await caller(t.app).post('/auth/login', { tenant: gm, username: 'jan', password: TEST_PASSWORD })).get(
        'Retry-After',
      ),
    ).toBe('2');
    t.clock.advance(2_000);
    const after = await caller(t.app).post('/auth/login', { tenant: gm, username: 'jan', password: TEST_PASSWORD });
    expect(after.status).toBe(200);
    const admin = await userCaller(t, gm, 'admin', ['admin']);
    const audit = await admin.get('/audit?action=auth.');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.login']),
    );
    expect(audit.body.items.map((e: { action: string }) => e.action)).not.toContain('auth.lockout');
  });

  it('lets an admin lift the slow-down of a username', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const user = await addUser(t, gm, 'kees', ['designer']);
    for (let i = 0; i < 5; i++)
      await caller(t.app).post('/auth/login', { tenant: gm, username: 'kees', password: 'nope nope nope' });
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const res = await admin.patch(`/users/${user.id}`, { unlock: true, reason: 'belde de servicedesk' });
    expect(res.status).toBe(200);
    expect(res.body.lockedUntil).toBeNull();
    expect(
      (await caller(t.app).post('/auth/login', { tenant: gm, username: 'kees', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  it('refuses state-changing cookie requests without the CSRF token, and accepts them with it', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const designer = await userCaller(t, gm, 'ontwerper', ['designer']);
    const cookieOnly = caller(t.app, { Cookie: designer.headers.Cookie ?? '' });
    const body = { key: 'csrf-test', name: 'CSRF', content: {} };
    const missing = await cookieOnly.post('/rulesets', body);
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatchObject({ code: 'CSRF_FAILED', path: '/headers/x-csrf-token' });
    const wrong = await caller(t.app, { Cookie: designer.headers.Cookie ?? '', 'X-CSRF-Token': 'forged' }).post(
      '/rulesets',
      body,
    );
    expect(wrong.status).toBe(403);
    expect((await cookieOnly.get('/rulesets')).status).toBe(200);
    expect((await designer.post('/rulesets', body)).status).toBe(201);
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const user = await userCaller(t, gm, 'weg', ['supervisor']);
    const res = await user.post('/auth/logout');
    expect(res.status).toBe(204);
    expect(res.get('Set-Cookie')?.[0]).toMatch(/Max-Age=0/);
    const me = await user.get('/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after an hour without use', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const user = await userCaller(t, gm, 'slaper', ['supervisor']);
    expect((await user.get('/auth/me')).status).toBe(200);
    t.clock.advance(61 * 60 * 1000);
    expect((await user.get('/auth/me')).status).toBe(401);
  });

  it('makes a user with a one-time password change it before anything else', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'admin', ['admin']);
    const created = await admin.post('/users', { username: 'nieuw', roles: ['designer'] });
    expect(created.status).toBe(201);
    const otp = created.body.oneTimePassword as string;
    const user = await login(t, gm, 'nieuw', otp);
    const blocked = await user.get('/rulesets');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await user.get('/auth/me')).body.mustChangePassword).toBe(true);
    const short = await user.post('/auth/password', { currentPassword: otp, newPassword: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.error.path).toBe('/body/newPassword');
    const wrong = await user.post('/auth/password', {
      currentPassword: 'not it',
      newPassword: 'een lang nieuw wachtwoord',
    });
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const changed = await user.post('/auth/password', {
      currentPassword: otp,
      newPassword: 'een lang nieuw wachtwoord',
    });
    expect(changed.status).toBe(200);
    expect((await user.get('/rulesets')).status).toBe(200);
    expect((await caller(t.app).post('/auth/login', { tenant: gm, username: 'nieuw', password: otp })).status).toBe(
      401,
    );
  });

  it('refuses a malformed Authorization header and an unknown key', async () => {
    expect((await caller(t.app, { Authorization: 'Basic abc' }).get('/auth/me')).status).toBe(401);
    const res = await caller(t.app, { Authorization: 'Bearer dsk_unknown' }).get('/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
