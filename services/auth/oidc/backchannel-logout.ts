import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { appendAudit } from '../../audit/audit';
import { ApiError } from '../../../platform/errors';
import { jose } from '../../zgw/jose-module';
import type { AuthDeps } from '../deps';
import { sha256 } from '../tokens';
import { egressFetch } from './egress-fetch';
import { oidcError } from './oidc-errors';
import type { IdentityProviderTable } from './oidc-tables';
import { oidcDb } from './oidc-tables';
import { providerFor } from './provider-configuration';

export const BACKCHANNEL_LOGOUT_PATH = '/api/v1/auth/oidc/backchannel-logout';
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** A logout token older than this is refused (its `iat`); its `jti` is kept as long, plus the tolerance. */
const MAX_TOKEN_AGE_S = 5 * 60;
const CLOCK_TOLERANCE_S = 60;
/** A logout token is a few hundred bytes; more is not one. */
const MAX_TOKEN_CHARS = 16 * 1024;

/** The provider's keys per municipality and key-set URL, fetched through the egress guard (jose caches and re-fetches on an unknown key). */
const keySets = new Map<string, JWTVerifyGetKey>();

export interface LogoutResult {
  tenants: string[];
  sessionsEnded: number;
}

export function logoutTokenError(reason: string): ApiError {
  return oidcError('OIDC_LOGOUT_TOKEN_INVALID', { reason });
}

const withoutSlash = (s: string): string => s.replace(/\/+$/, '');

function keySetFor(deps: AuthDeps, tenant: string, jwksUri: string): JWTVerifyGetKey {
  const key = `${tenant}|${jwksUri}`;
  let set = keySets.get(key);
  if (!set) {
    const j = jose();
    const options = deps.oidc!;
    set = j.createRemoteJWKSet(new URL(jwksUri), {
      [j.customFetch]: egressFetch(options.egress, tenant) as unknown as typeof fetch,
      timeoutDuration: 10_000,
    });
    keySets.set(key, set);
  }
  return set;
}

/**
 * OpenID Connect Back-Channel Logout 1.0, §2.6: the provider's logout token is checked — its
 * issuer names an enabled identity provider of a municipality whose client id is the audience;
 * signed with a key of the provider's JWKS (fetched through the egress guard); `iat` recent; the
 * back-channel logout event; `sub` or `sid`; no `nonce`; a `jti` not seen before (kept in the store,
 * so every replica refuses a replay). Then the sessions it names end: those with the provider's
 * `sid`, else every provider session of the user with that `sub`, in that municipality only. Audited
 * without names (the user's id and the number of sessions).
 */
export async function backchannelLogout(deps: AuthDeps, logoutToken: unknown): Promise<LogoutResult> {
  if (!deps.oidc) throw oidcError('OIDC_UNAVAILABLE');
  if (typeof logoutToken !== 'string' || !logoutToken || logoutToken.length > MAX_TOKEN_CHARS)
    throw logoutTokenError('logout_token missing');
  const j = jose();
  let unverified: JWTPayload;
  try {
    unverified = j.decodeJwt(logoutToken);
  } catch {
    throw logoutTokenError('not a JWT');
  }
  if (typeof unverified.iss !== 'string') throw logoutTokenError('no issuer');
  const audiences = typeof unverified.aud === 'string' ? [unverified.aud] : (unverified.aud ?? []);
  const db = oidcDb(deps.store.db);
  const rows: IdentityProviderTable[] = (
    await db.selectFrom('identity_providers').selectAll().where('enabled', '=', 1).execute()
  ).filter((r) => withoutSlash(r.issuer) === withoutSlash(unverified.iss!) && audiences.includes(r.client_id));
  if (rows.length === 0) throw logoutTokenError('no identity provider with this issuer and audience');

  // Verified against the first municipality's provider: same issuer and client, same keys.
  const first = rows[0]!;
  const { config } = await providerFor(deps, deps.store.db, first.tenant_id);
  const metadata = config.serverMetadata();
  if (!metadata.jwks_uri) throw logoutTokenError('the provider publishes no keys');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await j.jwtVerify(logoutToken, keySetFor(deps, first.tenant_id, metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: first.client_id,
      maxTokenAge: MAX_TOKEN_AGE_S,
      clockTolerance: CLOCK_TOLERANCE_S,
      requiredClaims: ['iat', 'jti'],
    }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw logoutTokenError(code?.startsWith('ERR_') ? code : 'signature or claims not valid');
  }
  const events = claims.events as Record<string, unknown> | undefined;
  if (!events || typeof events !== 'object' || !(BACKCHANNEL_LOGOUT_EVENT in events))
    throw logoutTokenError('no back-channel logout event');
  if ('nonce' in claims) throw logoutTokenError('a logout token carries no nonce');
  const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
  const sid = typeof claims.sid === 'string' && claims.sid ? claims.sid : undefined;
  if (!sub && !sid) throw logoutTokenError('neither sub nor sid');
  if (typeof claims.jti !== 'string' || !claims.jti) throw logoutTokenError('no jti');

  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  await db.deleteFrom('oidc_logout_tokens').where('expires_at', '<', now).execute();
  const iatMs = (claims.iat ?? nowMs / 1000) * 1000;
  const expiresAt = new Date(Math.max(iatMs, nowMs) + (MAX_TOKEN_AGE_S + 2 * CLOCK_TOLERANCE_S) * 1000);
  const seen = await db
    .insertInto('oidc_logout_tokens')
    .values({
      jti_hash: sha256(`${metadata.issuer}|${claims.jti}`),
      tenant_id: first.tenant_id,
      expires_at: expiresAt.toISOString(),
    })
    .onConflict((oc) => oc.column('jti_hash').doNothing())
    .executeTakeFirst();
  if (Number(seen.numInsertedOrUpdatedRows ?? 0) !== 1) throw logoutTokenError('jti used already');

  const at = deps.clock().toISOString();
  let sessionsEnded = 0;
  for (const row of rows) {
    const tenant = row.tenant_id;
    sessionsEnded += await deps.store.transaction(async (trx) => {
      const t = oidcDb(trx);
      const user = sub
        ? await t
            .selectFrom('users')
            .select('id')
            .where('tenant_id', '=', tenant)
            .where('external_subject', '=', sub)
            .executeTakeFirst()
        : undefined;
      if (sub && !user) return 0;
      let q = t
        .selectFrom('sessions')
        .select(['id_hash', 'user_id'])
        .where('tenant_id', '=', tenant)
        .where('oidc_id_token_enc', 'is not', null);
      if (sid) q = q.where('oidc_sid', '=', sid);
      if (user) q = q.where('user_id', '=', user.id);
      const sessions = await q.execute();
      if (sessions.length === 0) return 0;
      await t
        .deleteFrom('sessions')
        .where(
          'id_hash',
          'in',
          sessions.map((s) => s.id_hash),
        )
        .execute();
      for (const userId of new Set(sessions.map((s) => s.user_id)))
        await appendAudit(
          trx,
          {
            tenantId: tenant,
            actor: { kind: 'system', id: 'oidc' },
            action: 'auth.session_ended',
            target: { type: 'user', id: userId },
            details: {
              reason: 'back-channel logout by the identity provider',
              by: sid ? 'sid' : 'sub',
              sessions: sessions.filter((s) => s.user_id === userId).length,
            },
          },
          at,
        );
      return sessions.length;
    });
  }
  return { tenants: rows.map((r) => r.tenant_id), sessionsEnded };
}
