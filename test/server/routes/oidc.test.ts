import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { keyRing } from '../../../platform/codec/codec-keys';
import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { OIDC_ERRORS } from '../../../services/auth/oidc/oidc-errors';
import { secretBox } from '../../../platform/codec/secret-box';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../support/oidc-provider';
import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  addUser,
  caller,
  createStoreTestApp,
  TEST_PASSWORD,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';

const PUBLIC_URL = 'http://doorstroom.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const REFRESH_MS = 5 * 60 * 1000;

const cookieNamed = (res: request.Response, name: string) =>
  (res.get('Set-Cookie') ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`)) ?? '';

describeEachDialect('sign-in through the municipality’s identity provider', (dialect) => {
  let t: StoreTestApp;
  let idp: TestProvider;
  let n = 0;
  const tenant = () => `GM7${String(++n).padStart(3, '0')}`;

  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    t.deps.oidc = {
      box: secretBox(keyRing([{ id: 'k1', key: randomBytes(32) }])),
      egress: createEgressGuard({ allowLoopback: true, allowHttp: false }),
      publicUrl: PUBLIC_URL,
      refreshMs: REFRESH_MS,
    };
    idp = await startTestProvider({
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [`${PUBLIC_URL}/`],
      accounts: [
        { sub: 's-anna', username: 'anna', name: 'Anna de Vries', groups: ['doorstroom-ontwerpers'] },
        { sub: 's-bram', username: 'bram', name: 'Bram Jansen', groups: ['doorstroom-toezicht'] },
        { sub: 's-cees', username: 'cees', name: 'Cees Bakker', groups: ['kantine'] },
        { sub: 's-dina', username: 'dina', name: 'Dina Smit', groups: ['doorstroom-ontwerpers'] },
        { sub: 's-eva', username: 'eva', name: 'Eva Mulder', groups: ['doorstroom-ontwerpers'] },
      ],
    });
  });
  afterAll(async () => {
    await idp.stop();
    await t.dispose();
  });
  afterEach(() => {
    idp.tamper = 'none';
  });

  async function municipalityWithProvider(localLogin = true): Promise<{ gm: string; admin: Caller }> {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const res = await admin.put('/identity-provider', {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      scopes: ['openid', 'profile', 'groups'],
      roleClaim: 'groups',
      roleMap: [
        { value: 'doorstroom-ontwerpers', roles: ['designer'] },
        { value: 'doorstroom-toezicht', roles: ['supervisor', 'behandelaar'] },
      ],
      enabled: true,
      localLogin,
      reason: 'aansluiten op de IdP van de gemeente',
    });
    expect(res.status).toBe(200);
    return { gm, admin };
  }

  async function signIn(gm: string, username: string) {
    const start = await caller(t.app).get(`/auth/oidc/start?tenant=${gm}&returnTo=/monitor`);
    expect(start.status).toBe(302);
    const stateCookie = cookieNamed(start, 'doorstroom_oidc_state');
    const back = await signInAtProvider(start.headers.location!, username);
    expect(back.href.startsWith(CALLBACK)).toBe(true);
    const path = `${back.pathname}${back.search}`;
    const callback = await request(t.app).get(path).set('Cookie', stateCookie);
    const session = cookieNamed(callback, 'doorstroom_session');
    return { callback, path, stateCookie, session, me: () => caller(t.app, { Cookie: session }).get('/auth/me') };
  }

  it('signs in with code flow and PKCE, makes the user just in time with the roles of their groups', async () => {
    const { gm, admin } = await municipalityWithProvider();
    const start = await caller(t.app).get(`/auth/oidc/start?tenant=${gm}`);
    const url = new URL(start.headers.location!);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(start.get('Set-Cookie')?.[0]).toMatch(/HttpOnly; SameSite=Lax/);

    const { callback, me } = await signIn(gm, 'anna');
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/monitor');
    const who = await me();
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({
      tenant: gm,
      roles: ['designer'],
      user: { username: 'anna', displayName: 'Anna de Vries' },
    });

    const users = await admin.get('/users');
    expect(users.body.items.map((u: { username: string }) => u.username)).toContain('anna');
    const audit = await admin.get('/audit?action=auth.login');
    expect(audit.body.items[0]).toMatchObject({
      action: 'auth.login',
      details: { method: 'oidc', roles: ['designer'] },
    });
  });

  it('keeps the client secret encrypted and never shows it', async () => {
    const { gm, admin } = await municipalityWithProvider();
    const res = await admin.get('/identity-provider');
    expect(res.body.settings).toMatchObject({ issuer: idp.issuer, hasClientSecret: true });
    expect(JSON.stringify(res.body)).not.toContain(idp.clientSecret);
    expect(res.body.redirectUri).toBe(CALLBACK);
    const row = await t.deps.store.db
      .selectFrom('identity_providers' as never)
      .selectAll()
      .where('tenant_id' as never, '=', gm as never)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(idp.clientSecret);
    const audit = await admin.get('/audit?action=identityProvider.update');
    expect(JSON.stringify(audit.body)).not.toContain(idp.clientSecret);
  });

  it('refuses a replayed state and a callback without this browser’s state cookie', async () => {
    const { gm } = await municipalityWithProvider();
    const first = await signIn(gm, 'anna');
    expect(first.callback.headers.location).toBe('/monitor');
    const replay = await request(t.app).get(first.path).set('Cookie', first.stateCookie);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/?signinError=OIDC_STATE_INVALID');
    expect(cookieNamed(replay, 'doorstroom_session')).toBe('');

    const start = await caller(t.app).get(`/auth/oidc/start?tenant=${gm}`);
    const back = await signInAtProvider(start.headers.location!, 'anna');
    const noCookie = await request(t.app).get(`${back.pathname}${back.search}`);
    expect(noCookie.headers.location).toBe('/?signinError=OIDC_STATE_INVALID');
  });

  it('refuses an ID token for another audience', async () => {
    const { gm, admin } = await municipalityWithProvider();
    idp.tamper = 'wrong-audience';
    const { callback, session } = await signIn(gm, 'anna');
    expect(callback.headers.location).toBe('/?signinError=OIDC_TOKEN_INVALID');
    expect(session).toBe('');
    const audit = await admin.get('/audit?action=auth.login_failed');
    expect(audit.body.items[0].details).toMatchObject({
      method: 'oidc',
      reason: 'OIDC_TOKEN_INVALID',
      cause: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    });
  });

  it('refuses an expired ID token', async () => {
    const { gm } = await municipalityWithProvider();
    idp.tamper = 'expired';
    const { callback, session } = await signIn(gm, 'anna');
    expect(callback.headers.location).toBe('/?signinError=OIDC_TOKEN_INVALID');
    expect(session).toBe('');
  });

  it('refuses a user none of whose groups is mapped, with a clear Dutch message', async () => {
    const { gm, admin } = await municipalityWithProvider();
    const { callback, session } = await signIn(gm, 'cees');
    expect(callback.headers.location).toBe('/?signinError=OIDC_NO_ROLE');
    expect(session).toBe('');
    expect(OIDC_ERRORS.OIDC_NO_ROLE[1]).toMatch(
      /^U bent aangemeld bij uw gemeente, maar uw groepen geven geen rol in Doorstroom/,
    );
    const users = await admin.get('/users');
    expect(users.body.items.map((u: { username: string }) => u.username)).not.toContain('cees');
  });

  it('lets the roles follow the groups at the next refresh and the next sign-in', async () => {
    const { gm } = await municipalityWithProvider();
    const dina = idp.accounts.get('dina')!;
    dina.groups = ['doorstroom-ontwerpers'];
    const { me } = await signIn(gm, 'dina');
    expect((await me()).body.roles).toEqual(['designer']);
    dina.groups = ['doorstroom-toezicht'];
    expect((await me()).body.roles).toEqual(['designer']);
    t.clock.advance(REFRESH_MS + 1000);
    expect((await me()).body.roles).toEqual(['supervisor', 'behandelaar']);
    dina.groups = ['doorstroom-ontwerpers', 'doorstroom-toezicht'];
    const again = await signIn(gm, 'dina');
    expect((await again.me()).body.roles).toEqual(['designer', 'supervisor', 'behandelaar']);
    dina.groups = ['kantine'];
    t.clock.advance(REFRESH_MS + 1000);
    const gone = await again.me();
    expect(gone.status).toBe(401);
    expect(gone.body.error.code).toBe('SESSION_ENDED_BY_PROVIDER');
  });

  it('ends the session of a user disabled at the provider, at the latest at the refresh', async () => {
    const { gm, admin } = await municipalityWithProvider();
    const eva = idp.accounts.get('eva')!;
    eva.disabled = false;
    const { me } = await signIn(gm, 'eva');
    expect((await me()).status).toBe(200);
    eva.disabled = true;
    t.clock.advance(REFRESH_MS + 1000);
    const after = await me();
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ code: 'SESSION_ENDED_BY_PROVIDER' });
    expect(after.body.error.message).toMatch(/^Uw sessie is beëindigd/);
    const audit = await admin.get('/audit?action=auth.session_ended');
    expect(audit.body.items[0].details.reason).toMatch(/refresh refused: invalid_grant/);
    eva.disabled = false;
  });

  it('logs out at the provider too (RP-initiated) when it offers an end-session endpoint', async () => {
    const { gm } = await municipalityWithProvider();
    const { session } = await signIn(gm, 'anna');
    const me = await caller(t.app, { Cookie: session }).get('/auth/me');
    const res = await caller(t.app, { Cookie: session, 'X-CSRF-Token': me.body.csrfToken }).post('/auth/logout');
    expect(res.status).toBe(200);
    const end = new URL(res.body.redirectTo);
    expect(`${end.origin}`).toBe(idp.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/`);
    expect((await caller(t.app, { Cookie: session }).get('/auth/me')).status).toBe(401);
  });

  it('switches local accounts off per municipality, except for national administrators', async () => {
    const { gm } = await municipalityWithProvider(false);
    await addUser(t, gm, 'lokaal', ['designer']);
    await addUser(t, gm, 'landelijk', ['admin', 'national-admin']);
    expect((await caller(t.app).get(`/auth/methods?tenant=${gm}`)).body).toEqual({
      tenant: gm,
      local: false,
      oidc: true,
    });
    const refused = await caller(t.app).post('/auth/login', {
      tenant: gm,
      username: 'lokaal',
      password: TEST_PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('LOCAL_LOGIN_DISABLED');
    const wrong = await caller(t.app).post('/auth/login', {
      tenant: gm,
      username: 'lokaal',
      password: 'wrong password!',
    });
    // The same answer as a right password: no oracle for passwords that cannot be used any more.
    expect(wrong.body.error.code).toBe('LOCAL_LOGIN_DISABLED');
    const unknown = await caller(t.app).post('/auth/login', { tenant: gm, username: 'niemand', password: 'x' });
    expect(unknown.body.error.code).toBe('LOCAL_LOGIN_DISABLED');
    const national = await caller(t.app).post('/auth/login', {
      tenant: gm,
      username: 'landelijk',
      password: TEST_PASSWORD,
    });
    expect(national.status).toBe(200);
  });

  it('lets only administrators change the settings, and refuses a national role from a group', async () => {
    const { gm, admin } = await municipalityWithProvider();
    const designer = await userCaller(t, gm, 'ontwerper', ['designer']);
    expect((await designer.get('/identity-provider')).status).toBe(403);
    const bad = await admin.put('/identity-provider', {
      issuer: idp.issuer,
      clientId: 'x',
      scopes: ['openid'],
      roleClaim: 'groups',
      roleMap: [{ value: 'g', roles: ['national-admin'] }],
      enabled: true,
      localLogin: true,
    });
    expect(bad.status).toBe(400);
  });

  it('calls the provider through the egress guard: cloud metadata is refused', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    await admin.put('/identity-provider', {
      issuer: 'http://169.254.169.254/latest',
      clientId: 'x',
      scopes: ['openid'],
      roleClaim: 'groups',
      roleMap: [],
      enabled: true,
      localLogin: true,
    });
    const start = await caller(t.app).get(`/auth/oidc/start?tenant=${gm}`);
    expect(start.status).toBe(502);
    expect(start.body.error.code).toBe('OIDC_PROVIDER_ERROR');
    expect(JSON.stringify(start.body)).toContain('DESTINATION_REFUSED');
  });
});
