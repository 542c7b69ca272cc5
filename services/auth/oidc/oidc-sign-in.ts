import { appendAudit } from '../../audit/audit';
import { ApiError } from '../../../platform/errors';
import type { Db } from '../../../platform/store/create-store';
import type { AuthDeps } from '../deps';
import { createSession, type NewSession } from '../sessions';
import { sha256 } from '../tokens';
import { toUser, type User } from '../users';
import { oidcError } from './oidc-errors';
import { DEFAULT_LOGIN_STATE_MS, DEFAULT_OIDC_REFRESH_MS } from './oidc-options';
import { oidcDb } from './oidc-tables';
import { openIdClient } from './openid-client';
import { isTokenCheckFailure, providerFor, reasonOf } from './provider-configuration';
import { providerClaims, upsertProviderUser } from './provider-user';
import { mapRoles, type RoleMapping } from './role-mapping';
import { ID_TOKEN_PURPOSE, REFRESH_TOKEN_PURPOSE } from './oidc-session';

export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** Sign-ins under way per municipality (each kept at most 10 minutes). */
export const MAX_PENDING_SIGN_INS = 5000;

/** Only a path on this site: never `//other.example` or an absolute URL (open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/**
 * Step 1: a fresh state, nonce and PKCE verifier, kept in the store for this one sign-in, and the
 * provider's authorization URL to send the browser to. The state also goes into a cookie of this
 * browser, so a callback started in another browser (login CSRF) is refused.
 */
export async function startSignIn(
  deps: AuthDeps,
  tenant: string,
  redirectUri: string,
  returnTo: string,
): Promise<{ url: string; state: string; maxAgeMs: number }> {
  const { config, row, options } = await providerFor(deps, deps.store.db, tenant);
  const client = openIdClient();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = deps.clock();
  const maxAgeMs = options.loginStateMs ?? DEFAULT_LOGIN_STATE_MS;
  const db = oidcDb(deps.store.db);
  // Spent and expired states of earlier sign-ins go first: the table stays small.
  await db.deleteFrom('oidc_login_states').where('expires_at', '<', now.toISOString()).execute();
  // The start is public: a flood of starts must not fill the store. Real sign-ins stay far below this.
  const pending = await db
    .selectFrom('oidc_login_states')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', tenant)
    .executeTakeFirst();
  if (Number(pending?.n ?? 0) >= MAX_PENDING_SIGN_INS)
    throw new ApiError(
      429,
      'LOGIN_THROTTLED',
      'Te veel inlogpogingen tegelijk voor deze gemeente; probeer het over enkele minuten opnieuw (too many sign-ins under way).',
      undefined,
      { retryAfterSeconds: 60 },
    );
  await db
    .insertInto('oidc_login_states')
    .values({
      state_hash: sha256(state),
      tenant_id: tenant,
      nonce,
      code_verifier: codeVerifier,
      return_to: safeReturnTo(returnTo),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + maxAgeMs).toISOString(),
      used_at: null,
    })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: row.scopes,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, state, maxAgeMs };
}

export interface SignedIn {
  user: User;
  session: NewSession;
  returnTo: string;
  tenant: string;
}

/**
 * Step 2, the provider's redirect back: the state is spent at once (a replayed callback finds
 * it used), the code is exchanged with the PKCE verifier, openid-client checks the ID token
 * (signature, issuer, audience, expiry, nonce), the roles come from the mapped claim, and the
 * user is made or updated just in time. Every refusal is audited in the municipality's trail.
 */
export async function finishSignIn(
  deps: AuthDeps,
  callbackUrl: URL,
  browserState: string | undefined,
): Promise<SignedIn> {
  const state = callbackUrl.searchParams.get('state');
  if (!state || !browserState || state !== browserState) throw oidcError('OIDC_STATE_INVALID');
  const now = deps.clock();
  const db = oidcDb(deps.store.db);
  const spent = await db
    .updateTable('oidc_login_states')
    .set({ used_at: now.toISOString() })
    .where('state_hash', '=', sha256(state))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw oidcError('OIDC_STATE_INVALID');
  const pending = await db
    .selectFrom('oidc_login_states')
    .selectAll()
    .where('state_hash', '=', sha256(state))
    .executeTakeFirstOrThrow();
  const tenant = pending.tenant_id;
  try {
    return await exchange(deps, tenant, callbackUrl, state, pending.nonce, pending.code_verifier, pending.return_to);
  } catch (err) {
    await auditFailure(deps.store.db, tenant, err, now.toISOString());
    throw err;
  }
}

async function exchange(
  deps: AuthDeps,
  tenant: string,
  callbackUrl: URL,
  state: string,
  nonce: string,
  codeVerifier: string,
  returnTo: string,
): Promise<SignedIn> {
  const { config, row, options } = await providerFor(deps, deps.store.db, tenant);
  const client = openIdClient();
  let tokens;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    if (isTokenCheckFailure(err)) throw oidcError('OIDC_TOKEN_INVALID', { cause: reasonOf(err) });
    throw oidcError('OIDC_PROVIDER_ERROR', { step: 'token', cause: reasonOf(err) });
  }
  const claims = await providerClaims(config, tokens);
  const idSid = tokens.claims()?.sid;
  const roles = mapRoles(claims, row.role_claim, JSON.parse(row.role_map) as RoleMapping[]);
  if (roles.length === 0) throw oidcError('OIDC_NO_ROLE', { subject: claims.sub });
  const now = deps.clock();
  return deps.store.transaction(async (trx) => {
    const userRow = await upsertProviderUser(trx, tenant, claims, roles, now.toISOString());
    if (userRow.disabled_at !== null) throw oidcError('OIDC_USER_DISABLED');
    const session = await createSession(trx, userRow, deps.config, now);
    await oidcDb(trx)
      .updateTable('sessions')
      .set({
        oidc_refresh_enc: tokens.refresh_token
          ? options.box.seal(tokens.refresh_token, REFRESH_TOKEN_PURPOSE, tenant)
          : null,
        oidc_id_token_enc: tokens.id_token ? options.box.seal(tokens.id_token, ID_TOKEN_PURPOSE, tenant) : null,
        refresh_due_at: new Date(now.getTime() + (options.refreshMs ?? DEFAULT_OIDC_REFRESH_MS)).toISOString(),
        // The provider's session, which a back-channel logout may name (services/auth/oidc/backchannel-logout.ts).
        oidc_sid: typeof idSid === 'string' ? idSid.slice(0, 255) : null,
      })
      .where('id_hash', '=', sha256(session.token))
      .execute();
    await appendAudit(
      trx,
      {
        tenantId: tenant,
        actor: { kind: 'user', id: userRow.id },
        action: 'auth.login',
        target: { type: 'user', id: userRow.id },
        details: { method: 'oidc', roles },
      },
      now.toISOString(),
    );
    return { user: toUser(userRow), session, returnTo, tenant };
  });
}

async function auditFailure(db: Db, tenant: string, err: unknown, at: string): Promise<void> {
  const code = err instanceof ApiError ? err.code : 'OIDC_PROVIDER_ERROR';
  const details = err instanceof ApiError ? (err.details as Record<string, unknown> | undefined) : undefined;
  await appendAudit(
    db,
    {
      tenantId: tenant,
      actor: { kind: 'system', id: 'oidc' },
      action: 'auth.login_failed',
      target: { type: 'user', id: null },
      details: { method: 'oidc', reason: code, ...(details ?? {}) },
    },
    at,
  );
}
