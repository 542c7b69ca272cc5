import { Router } from 'express';
import { appendAudit } from '../../services/audit/audit';
import { authenticate } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import { clearedCookie, readCookie, sessionCookie } from '../../services/auth/cookies';
import { login } from '../../services/auth/login';
import { deleteSession } from '../../services/auth/sessions';
import { providerLogoutUrl } from '../../services/auth/oidc/oidc-session';
import { oidcDb } from '../../services/auth/oidc/oidc-tables';
import { sha256 } from '../../services/auth/tokens';
import { publicBase } from './oidc';
import { changeOwnPassword } from '../../services/auth/user-admin';
import { findUserRow, toUser } from '../../services/auth/users';
import { ApiError } from '../../platform/errors';
import { ChangePasswordBody, LoginBody } from '../../contract/auth';
import { check } from './validate';
import type { StoreDeps } from './store-deps';

/** Local login, logout (RP-initiated for provider sessions), who-am-I and password change; OIDC sign-in is in oidc.ts. */
export function createAuthRouter(deps: StoreDeps): Router {
  const router = Router();
  const cookieName = deps.config.cookieName;
  // A user with a one-time password may only see who they are, change it, or log out.
  const signedIn = authenticate(deps, { allowPasswordChange: true });

  router.post('/login', async (req, res) => {
    const body = check(LoginBody, 'body', req.body);
    let result;
    try {
      result = await login(deps, { ...body, clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown' });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'LOGIN_THROTTLED')
        res.setHeader('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      throw err;
    }
    const { user, session } = result;
    res.setHeader(
      'Set-Cookie',
      sessionCookie(cookieName, session.token, {
        secure: deps.config.cookieSecure,
        maxAgeMs: deps.config.sessionTtlMs,
      }),
    );
    res.json({
      user,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      mustChangePassword: user.mustChangePassword,
    });
  });

  router.post('/logout', signedIn, async (req, res) => {
    const auth = getAuth(req);
    const token = readCookie(req.get('cookie'), cookieName);
    if (auth.actor.kind !== 'user' || !token)
      throw new ApiError(400, 'NO_SESSION', 'Only a browser session can log out; API keys are revoked instead.');
    // RP-initiated logout: a session from the identity provider ends there too, when the provider offers it.
    const session = await oidcDb(deps.store.db)
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', sha256(token))
      .executeTakeFirst();
    const redirectTo = session ? await providerLogoutUrl(deps, session, `${publicBase(deps, req)}/`) : undefined;
    await deps.store.transaction(async (trx) => {
      await deleteSession(trx, token);
      await appendAudit(
        trx,
        {
          tenantId: auth.tenant,
          actor: auth.actor,
          action: 'auth.logout',
          target: { type: 'user', id: auth.actor.id },
        },
        deps.clock().toISOString(),
      );
    });
    res.setHeader('Set-Cookie', clearedCookie(cookieName, deps.config.cookieSecure));
    if (redirectTo) res.json({ redirectTo });
    else res.status(204).end();
  });

  router.get('/me', signedIn, async (req, res) => {
    const auth = getAuth(req);
    const user = auth.actor.kind === 'user' ? await findUserRow(deps.store.db, auth.tenant, auth.actor.id) : undefined;
    res.json({
      tenant: auth.tenant,
      actor: auth.actor,
      roles: auth.roles,
      permissions: auth.permissions,
      ...(user ? { user: toUser(user) } : {}),
      ...(auth.session
        ? {
            csrfToken: auth.session.csrfToken,
            mustChangePassword: auth.session.mustChangePassword,
            sessionExpiresAt: auth.session.expiresAt,
          }
        : {}),
    });
  });

  router.post('/password', signedIn, async (req, res) => {
    const auth = getAuth(req);
    const body = check(ChangePasswordBody, 'body', req.body);
    const token = readCookie(req.get('cookie'), cookieName);
    if (auth.actor.kind !== 'user' || !token)
      throw new ApiError(400, 'NO_SESSION', 'Only a signed-in user can change a password.');
    const user = await changeOwnPassword(deps, auth, body.currentPassword, body.newPassword, token);
    res.json({ user });
  });

  return router;
}
