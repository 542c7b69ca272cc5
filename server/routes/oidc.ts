import express, { Router, type Request, type Response } from 'express';
import {
  BackchannelLogoutBody,
  OidcStartQuery,
  PutIdentityProviderBody,
  SignInMethodsQuery,
} from '../../contract/identity-provider';
import { ApiError } from '../../platform/errors';
import { findTenant } from '../../platform/store/tenants';
import { readCookie, sessionCookie } from '../../services/auth/cookies';
import {
  findIdentityProviderRow,
  saveIdentityProvider,
  toSettings,
} from '../../services/auth/oidc/identity-provider-settings';
import { BACKCHANNEL_LOGOUT_PATH, backchannelLogout } from '../../services/auth/oidc/backchannel-logout';
import { isOidcErrorCode } from '../../services/auth/oidc/oidc-errors';
import { CALLBACK_PATH, finishSignIn, startSignIn } from '../../services/auth/oidc/oidc-sign-in';
import { oidcOptionsOf } from '../../services/auth/oidc/provider-configuration';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import type { StoreDeps } from './store-deps';
import { check } from './validate';

/** Holds the state of one sign-in in this browser; Lax, because the provider's redirect back is a cross-site navigation. */
export const STATE_COOKIE = 'doorstroom_oidc_state';
const STATE_COOKIE_PATH = '/api/v1/auth/oidc';

/** Where this server is reached: DOORSTROOM_PUBLIC_URL, else the request's own origin. */
export function publicBase(deps: StoreDeps, req: Request): string {
  return (deps.oidc?.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`).replace(/\/$/, '');
}

function stateCookie(deps: StoreDeps, value: string, maxAgeMs: number): string {
  const parts = [
    `${STATE_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${STATE_COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
  ];
  if (deps.config.cookieSecure) parts.push('Secure');
  return parts.join('; ');
}

/** The browser goes back to the login page, which shows the code's words (Dutch or English). */
function toLoginPage(res: Response, code: string): void {
  res.redirect(303, `/?signinError=${encodeURIComponent(isOidcErrorCode(code) ? code : 'OIDC_PROVIDER_ERROR')}`);
}

/**
 * Sign-in through the municipality's identity provider (paths relative to /api/v1):
 * which methods a municipality offers, the start and the provider's callback, and the settings
 * administrators keep (audited; the client secret is written, never read back).
 */
export function createOidcRouter(deps: StoreDeps): Router {
  const router = Router();

  router.get('/auth/methods', async (req, res) => {
    const { tenant } = check(SignInMethodsQuery, 'query', req.query);
    const row = (await findTenant(deps.store.db, tenant))
      ? await findIdentityProviderRow(deps.store.db, tenant)
      : undefined;
    res.json({ tenant, local: !row || row.local_login === 1, oidc: !!deps.oidc && row?.enabled === 1 });
  });

  router.get('/auth/oidc/start', async (req, res) => {
    const { tenant, returnTo } = check(OidcStartQuery, 'query', req.query);
    const base = publicBase(deps, req);
    let started;
    try {
      started = await startSignIn(deps, tenant, `${base}${CALLBACK_PATH}`, returnTo ?? '/');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'LOGIN_THROTTLED') res.setHeader('Retry-After', '60');
      throw err;
    }
    res.setHeader('Set-Cookie', stateCookie(deps, started.state, started.maxAgeMs));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, started.url);
  });

  router.get('/auth/oidc/callback', async (req, res) => {
    const base = publicBase(deps, req);
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const browserState = readCookie(req.get('cookie'), STATE_COOKIE);
    res.setHeader('Cache-Control', 'no-store');
    try {
      const signedIn = await finishSignIn(deps, new URL(`${base}${CALLBACK_PATH}${query}`), browserState);
      res.setHeader('Set-Cookie', [
        stateCookie(deps, '', 0),
        sessionCookie(deps.config.cookieName, signedIn.session.token, {
          secure: deps.config.cookieSecure,
          maxAgeMs: deps.config.sessionTtlMs,
        }),
      ]);
      res.redirect(303, signedIn.returnTo);
    } catch (err) {
      res.setHeader('Set-Cookie', stateCookie(deps, '', 0));
      if (err instanceof ApiError) return toLoginPage(res, err.code);
      throw err;
    }
  });

  // Back-channel logout (OpenID Connect Back-Channel Logout 1.0): the provider posts a signed logout
  // token, form-encoded, server to server; no cookie, no CSRF token. 200 when done, 400 with a code when not.
  router.post(
    '/auth/oidc/backchannel-logout',
    express.urlencoded({ extended: false, limit: '32kb', parameterLimit: 10 }),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const { logout_token } = check(BackchannelLogoutBody, 'body', req.body ?? {});
      await backchannelLogout(deps, logout_token);
      res.status(200).end();
    },
  );

  const admin = [authenticate(deps), requireRole('admin')];

  router.get('/identity-provider', ...admin, async (req, res) => {
    const row = await findIdentityProviderRow(deps.store.db, getAuth(req).tenant);
    const base = publicBase(deps, req);
    res.json({
      settings: row ? toSettings(row) : null,
      redirectUri: `${base}${CALLBACK_PATH}`,
      postLogoutRedirectUri: `${base}/`,
      backchannelLogoutUri: `${base}${BACKCHANNEL_LOGOUT_PATH}`,
    });
  });

  router.put('/identity-provider', ...admin, async (req, res) => {
    const { reason, ...input } = check(PutIdentityProviderBody, 'body', req.body);
    const auth = getAuth(req);
    const options = oidcOptionsOf(deps);
    const settings = await saveIdentityProvider(
      { store: deps.store, box: options.box },
      auth.tenant,
      input,
      auth.actor,
      reason,
      deps.clock().toISOString(),
    );
    const base = publicBase(deps, req);
    res.json({
      settings,
      redirectUri: `${base}${CALLBACK_PATH}`,
      postLogoutRedirectUri: `${base}/`,
      backchannelLogoutUri: `${base}${BACKCHANNEL_LOGOUT_PATH}`,
    });
  });

  return router;
}
