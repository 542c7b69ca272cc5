import { randomBytes, randomUUID } from 'node:crypto';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { keyRing } from '../../../platform/codec/codec-keys';
import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { secretBox } from '../../../platform/codec/secret-box';
import { BACKCHANNEL_LOGOUT_EVENT } from '../../../services/auth/oidc/backchannel-logout';
import {
  CookieJar,
  logoutAtProvider,
  signInAtProvider,
  startTestProvider,
  type TestProvider,
} from '../../support/oidc-provider';
import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  caller,
  createStoreTestApp,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';

const PUBLIC_URL = 'http://doorstroom.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const LOGOUT_PATH = '/api/v1/auth/oidc/backchannel-logout';

const cookieNamed = (res: request.Response, name: string) =>
  (res.get('Set-Cookie') ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`)) ?? '';

/**
 * OpenID Connect Back-Channel Logout 1.0 against a real provider (oidc-provider with
 * `features.backchannelLogout`): the user logs out at the provider, which posts its logout token
 * to Doorstroom's backchannel_logout_uri (through a recorder, so the very token can be replayed).
 * Two municipalities, each with its own provider, and the same subject at both.
 */
describeEachDialect('back-channel logout by the municipality’s identity provider', (dialect) => {
  let t: StoreTestApp;
  let idp: TestProvider;
  let otherIdp: TestProvider;
  let app: Server;
  let recorder: Server;
  /** Logout tokens the provider posted, as the recorder passed them on. */
  const posted: { body: string; status: number }[] = [];
  let n = 0;
  const tenant = () => `GM8${String(++n).padStart(3, '0')}`;

  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    t.deps.oidc = {
      box: secretBox(keyRing([{ id: 'k1', key: randomBytes(32) }])),
      egress: createEgressGuard({ allowLoopback: true, allowHttp: false }),
      publicUrl: PUBLIC_URL,
    };
    app = t.app.listen(0, '127.0.0.1');
    await new Promise((r) => app.once('listening', r));
    const appBase = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    recorder = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void fetch(`${appBase}${req.url ?? ''}`, {
          method: req.method ?? 'POST',
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body,
        }).then(async (r) => {
          posted.push({ body, status: r.status });
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
          res.end(await r.text());
        });
      });
    });
    recorder.listen(0, '127.0.0.1');
    await new Promise((r) => recorder.once('listening', r));
    const logoutUri = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}${LOGOUT_PATH}`;
    const accounts = [
      { sub: 's-anna', username: 'anna', name: 'Anna de Vries', groups: ['doorstroom-ontwerpers'] },
      { sub: 's-bram', username: 'bram', name: 'Bram Jansen', groups: ['doorstroom-ontwerpers'] },
    ];
    idp = await startTestProvider({
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [`${PUBLIC_URL}/`],
      accounts,
      backchannelLogoutUri: logoutUri,
    });
    otherIdp = await startTestProvider({
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [`${PUBLIC_URL}/`],
      accounts,
      clientId: 'doorstroom-andere-gemeente',
      backchannelLogoutUri: logoutUri,
    });
  });
  afterAll(async () => {
    await idp.stop();
    await otherIdp.stop();
    await new Promise((r) => recorder.close(r));
    await new Promise((r) => app.close(r));
    await t.dispose();
  });

  async function municipalityWith(provider: TestProvider): Promise<{ gm: string; admin: Caller }> {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const res = await admin.put('/identity-provider', {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: ['openid', 'profile', 'groups'],
      roleClaim: 'groups',
      roleMap: [{ value: 'doorstroom-ontwerpers', roles: ['designer'] }],
      enabled: true,
      localLogin: true,
      reason: 'aansluiten op de IdP van de gemeente',
    });
    expect(res.status).toBe(200);
    return { gm, admin };
  }

  /** Signs in through the provider in a browser of its own (cookies at the provider in `jar`). */
  async function signIn(gm: string, username: string, jar = new CookieJar()) {
    const start = await caller(t.app).get(`/auth/oidc/start?tenant=${gm}`);
    expect(start.status).toBe(302);
    const back = await signInAtProvider(start.headers.location!, username, jar);
    const callback = await request(t.app)
      .get(`${back.pathname}${back.search}`)
      .set('Cookie', cookieNamed(start, 'doorstroom_oidc_state'));
    expect(callback.status).toBe(303);
    const session = cookieNamed(callback, 'doorstroom_session');
    expect(session).toBeTruthy();
    return { jar, me: () => caller(t.app, { Cookie: session }).get('/auth/me') };
  }

  const post = (logoutToken: string) =>
    request(t.app).post(LOGOUT_PATH).type('form').send({ logout_token: logoutToken });

  const claims = (provider: TestProvider, extra: Record<string, unknown> = {}) => ({
    iss: provider.issuer,
    aud: provider.clientId,
    iat: Math.floor(Date.now() / 1000),
    jti: randomUUID(),
    sub: 's-anna',
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    ...extra,
  });

  it('ends the session of a user who logs out at the provider, and only in that municipality', async () => {
    const { gm, admin } = await municipalityWith(idp);
    const { gm: otherGm } = await municipalityWith(otherIdp);
    const here = await signIn(gm, 'anna');
    const bramHere = await signIn(gm, 'bram');
    const there = await signIn(otherGm, 'anna'); // the same subject at the other municipality's provider
    for (const s of [here, bramHere, there]) expect((await s.me()).status).toBe(200);

    const before = posted.length;
    await logoutAtProvider(idp.issuer, here.jar);
    expect(idp.backchannel.at(-1)).toMatchObject({ ok: true, client: idp.clientId, sub: 's-anna' });
    expect(posted.length).toBe(before + 1);
    expect(posted.at(-1)!.status).toBe(200);

    expect((await here.me()).status).toBe(401);
    expect((await bramHere.me()).status).toBe(200);
    expect((await there.me()).status).toBe(200);

    const audit = await admin.get('/audit?action=auth.session_ended');
    expect(audit.body.items[0]).toMatchObject({
      action: 'auth.session_ended',
      actor: { kind: 'system', id: 'oidc' },
      details: { reason: 'back-channel logout by the identity provider', by: 'sid', sessions: 1 },
    });
    expect(JSON.stringify(audit.body.items[0])).not.toMatch(/Anna|Vries|anna/);
  });

  it('answers 200 with Cache-Control: no-store, and refuses the very same logout token a second time', async () => {
    const { gm } = await municipalityWith(idp);
    const s = await signIn(gm, 'bram');
    await logoutAtProvider(idp.issuer, s.jar);
    expect((await s.me()).status).toBe(401);
    const token = new URLSearchParams(posted.at(-1)!.body).get('logout_token')!;
    expect(token.split('.')).toHaveLength(3);

    const replay = await post(token);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toMatchObject({
      code: 'OIDC_LOGOUT_TOKEN_INVALID',
      details: { reason: 'jti used already' },
    });

    const fresh = await post(idp.signJwt(claims(idp, { sub: 's-bram' })));
    expect(fresh.status).toBe(200);
    expect(fresh.get('Cache-Control')).toBe('no-store');
  });

  it('ends every provider session of the subject when the token names no sid', async () => {
    const { gm } = await municipalityWith(idp);
    const one = await signIn(gm, 'anna');
    const two = await signIn(gm, 'anna');
    const res = await post(idp.signJwt(claims(idp)));
    expect(res.status).toBe(200);
    expect((await one.me()).status).toBe(401);
    expect((await two.me()).status).toBe(401);
  });

  it('refuses a logout token with a nonce, for another audience, without the event, unsigned or without sub and sid', async () => {
    const { gm } = await municipalityWith(idp);
    const s = await signIn(gm, 'anna');
    const refused = async (token: string, reason: RegExp) => {
      const res = await post(token);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('OIDC_LOGOUT_TOKEN_INVALID');
      expect(res.body.error.message).toMatch(/^De afmeldopdracht van de identiteitsprovider is ongeldig/);
      expect(res.body.error.details.reason).toMatch(reason);
      expect(res.get('Cache-Control')).toBe('no-store');
    };
    await refused(idp.signJwt(claims(idp, { nonce: 'n-0S6_WzA2Mj' })), /nonce/);
    await refused(idp.signJwt(claims(idp, { aud: 'another-application' })), /audience/);
    await refused(idp.signJwt(claims(idp, { events: { 'http://example.org/other': {} } })), /event/);
    await refused(idp.signJwt(claims(idp, { sub: undefined })), /neither sub nor sid/);
    await refused(idp.signJwt(claims(idp, { iat: Math.floor(Date.now() / 1000) - 3600 })), /ERR_JWT/);
    // Signed by the other provider's key, claiming this provider as issuer.
    await refused(otherIdp.signJwt(claims(idp)), /ERR_JWKS_NO_MATCHING_KEY|ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
    await refused('not-a-jwt', /not a JWT/);
    const none = await request(t.app).post(LOGOUT_PATH).type('form').send({});
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe('VALIDATION_FAILED');
    // None of these ended the session.
    expect((await s.me()).status).toBe(200);
  });
});
