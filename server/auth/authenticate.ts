import type { Request, RequestHandler } from 'express';
import { ApiError } from '../../platform/errors';
import { parseJson } from '../../platform/store/json';
import { useApiKey } from '../../services/auth/api-keys';
import { CSRF_HEADER } from '../../services/auth/config';
import type { AuthContext } from './context';
import { readCookie } from '../../services/auth/cookies';
import type { AuthDeps } from '../../services/auth/deps';
import { isRole, permissionsOfRoles, type Permission, type Role } from '../../services/auth/roles';
import { findSession } from '../../services/auth/sessions';
import { refreshDue, refreshProviderSession } from '../../services/auth/oidc/oidc-session';
import { tenantDisabled } from '../../services/auth/tenant-status';
import { safeEqual } from '../../services/auth/tokens';

export interface AuthenticateOptions {
  /** Let a user who must still change a one-time password through (me, change password, logout). */
  allowPasswordChange?: boolean;
  /**
   * Skip the CSRF check: only for endpoints without side effects whose answers cross origins
   * only through CORS (the Temporal UI's codec calls cannot send our token).
   */
  noSideEffects?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unauthenticated = (
  message = 'Niet ingelogd (not authenticated): log in or send `Authorization: Bearer <api key>`.',
) => new ApiError(401, 'UNAUTHENTICATED', message);

/**
 * Accepts a session cookie or `Authorization: Bearer <api key>` and sets `req.auth`.
 * Cookie requests that change state must echo the session's CSRF token in `X-CSRF-Token`;
 * bearer requests need none, because no browser sends that header on its own.
 */
export function authenticate(deps: AuthDeps, options: AuthenticateOptions = {}): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get('authorization');
    req.auth = header !== undefined ? await fromApiKey(deps, header) : await fromSession(deps, req, options);
    next();
  };
}

async function fromApiKey(deps: AuthDeps, header: string): Promise<AuthContext> {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be `Bearer <api key>`.');
  const key = await useApiKey(deps.store.db, match[1], deps.clock());
  if (!key) throw unauthenticated('Unknown or revoked API key.');
  if (await tenantDisabled(deps.store.db, key.tenantId)) throw municipalityDisabled();
  return {
    tenant: key.tenantId,
    actor: { kind: 'apiKey', id: key.id, name: key.name },
    roles: [],
    permissions: key.permissions,
  };
}

async function fromSession(deps: AuthDeps, req: Request, options: AuthenticateOptions): Promise<AuthContext> {
  const token = readCookie(req.get('cookie'), deps.config.cookieName);
  if (!token) throw unauthenticated();
  const now = deps.clock();
  const found = await findSession(deps.store.db, token, deps.config, now);
  if (!found) throw unauthenticated('Sessie verlopen (session expired or ended): log in again.');
  const { session, user } = found;
  if (await tenantDisabled(deps.store.db, user.tenant_id)) throw municipalityDisabled();
  if (!SAFE_METHODS.has(req.method) && !options.noSideEffects) {
    const sent = req.get(CSRF_HEADER);
    if (!sent || !safeEqual(sent, session.csrf_token)) {
      throw new ApiError(
        403,
        'CSRF_FAILED',
        `State-changing requests need the session's CSRF token in the ${CSRF_HEADER} header.`,
        '/headers/x-csrf-token',
      );
    }
  }
  const mustChangePassword = user.must_change_password === 1;
  if (mustChangePassword && !options.allowPasswordChange) {
    throw new ApiError(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      'Wijzig eerst uw eenmalige wachtwoord (change your one-time password first) via POST /api/v1/auth/password.',
    );
  }
  let roles: Role[] = parseJson<string[]>(user.roles, []).filter(isRole);
  // A session from the municipality's identity provider is short: when due, the provider confirms it again.
  if (refreshDue(session, now)) {
    if (!deps.oidc) throw unauthenticated('Sessie verlopen (session expired or ended): log in again.');
    roles = await refreshProviderSession(deps, session, user, roles);
  }
  return {
    tenant: user.tenant_id,
    actor: { kind: 'user', id: user.id, name: user.username },
    roles,
    permissions: permissionsOfRoles(roles),
    session: { csrfToken: session.csrf_token, mustChangePassword, expiresAt: session.expires_at },
  };
}

const municipalityDisabled = () =>
  new ApiError(
    403,
    'MUNICIPALITY_DISABLED',
    'Deze gemeente is uitgeschakeld door het landelijk beheer (this municipality has been disabled).',
  );

const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', message);

/** Passes when the caller holds at least one of the roles. API keys hold none. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw unauthenticated();
    if (!roles.some((r) => req.auth?.roles.includes(r)))
      throw forbidden(`Requires one of the roles: ${roles.join(', ')}.`);
    next();
  };
}

/** Passes when the caller holds every one of the permissions (a key's scopes, or implied by a user's roles). */
export function requirePermission(...permissions: Permission[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw unauthenticated();
    const missing = permissions.filter((p) => !req.auth?.permissions.includes(p));
    if (missing.length > 0) throw forbidden(`Requires the permission(s): ${missing.join(', ')}.`);
    next();
  };
}

/** Only people, never API keys (e.g. editing and approving rule sets). */
export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw unauthenticated();
  if (req.auth.actor.kind !== 'user') throw forbidden('Only a signed-in user may do this, not an API key.');
  next();
};
