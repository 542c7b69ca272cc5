// A real OpenID Connect provider (oidc-provider) for the tests, built in Node's own realm: the
// provider checks its configuration with isPlainObject, which objects made inside jest's sandbox
// fail. test/support/oidc-provider.ts loads this file through Node's loader.
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Provider } from 'oidc-provider';

const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');

function resign(jwt, key, change) {
  const [h, p] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  change(claims);
  const input = `${b64url(header)}.${b64url(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

const page = (body) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test-IdP</title></head><body><main>${body}</main></body></html>`;

const readBody = (req) =>
  new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c.toString()));
    req.on('end', () => resolve(s));
  });

/**
 * @param {{ redirectUris: string[], postLogoutRedirectUris: string[], clientId: string, clientSecret: string,
 *   account: (username: string) => any, accountBySub: (sub: string) => any, tamper: () => string,
 *   backchannelLogoutUri?: string }} o
 * With `backchannelLogoutUri`, Back-Channel Logout 1.0 is on: a logout at the provider posts a logout
 * token (with `sid`) there; `signJwt` signs any claims with the provider's own key (for refusals).
 */
export async function startProvider(o) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = http.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: o.clientId,
        client_secret: o.clientSecret,
        redirect_uris: [...o.redirectUris],
        post_logout_redirect_uris: [...o.postLogoutRedirectUris],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        ...(o.backchannelLogoutUri
          ? { backchannel_logout_uri: o.backchannelLogoutUri, backchannel_logout_session_required: true }
          : {}),
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomUUID()] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'groups', 'offline_access'],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: !!o.backchannelLogoutUri },
    },
    pkce: { required: () => true },
    // The provider refuses to post to special-use addresses (SSRF protection); in the test Doorstroom
    // listens on 127.0.0.1, so its own requests go out without that dispatcher.
    // eslint-disable-next-line no-unused-vars
    fetch: (url, { dispatcher, ...options }) => fetch(url, options),
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const a = o.accountBySub(sub);
      if (!a || a.disabled) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, name: a.name, preferred_username: a.username, groups: [...a.groups] }),
      };
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const tamper = o.tamper();
    if (ctx.path === '/token' && ctx.body?.id_token && tamper !== 'none') {
      const now = Math.floor(Date.now() / 1000);
      ctx.body.id_token = resign(ctx.body.id_token, privateKey, (c) => {
        if (tamper === 'wrong-audience') c.aud = 'another-application';
        if (tamper === 'expired') Object.assign(c, { iat: now - 7200, exp: now - 3600 });
      });
    }
  });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const m = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'consent') {
        const grant = new provider.Grant({ accountId: details.session.accountId, clientId: o.clientId });
        grant.addOIDCScope('openid profile groups offline_access');
        const grantId = await grant.save();
        return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      }
      if (req.method === 'POST') {
        const username = new URLSearchParams(await readBody(req)).get('username') ?? '';
        const account = o.account(username);
        if (!account || account.disabled) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(page('<p role="alert">Onbekende gebruiker bij de test-IdP.</p>'));
        }
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          `<h1>Test-IdP: inloggen</h1><form method="post" action="/interaction/${m[1]}/login">` +
            `<label for="u">Gebruikersnaam bij de gemeente</label><input id="u" name="username">` +
            `<button type="submit">Inloggen bij de gemeente</button></form>`,
        ),
      );
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });

  const backchannel = [];
  provider.on('backchannel.success', (_ctx, client, sub, sid) =>
    backchannel.push({ ok: true, client: client.clientId, sub, sid }),
  );
  provider.on('backchannel.error', (_ctx, err, client, sub, sid) =>
    backchannel.push({ ok: false, client: client.clientId, sub, sid, error: String(err?.message ?? err) }),
  );
  const signJwt = (claims, header = {}) => {
    const input = `${b64url({ alg: 'RS256', kid: 'test-key', typ: 'logout+jwt', ...header })}.${b64url(claims)}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };

  return { issuer, backchannel, signJwt, stop: () => new Promise((r) => server.close(() => r())) };
}
