import { appendAudit } from '../../audit/audit';
import { ApiError } from '../../../platform/errors';
import type { SessionRow, UserRow } from '../../../platform/store/schema';
import type { AuthDeps } from '../deps';
import type { Role } from '../roles';
import { oidcError } from './oidc-errors';
import { DEFAULT_OIDC_REFRESH_MS } from './oidc-options';
import { oidcDb, type OidcSessionColumns } from './oidc-tables';
import { openIdClient } from './openid-client';
import { providerFor, reasonOf } from './provider-configuration';
import { providerClaims, upsertProviderUser } from './provider-user';
import { mapRoles, type RoleMapping } from './role-mapping';

export const REFRESH_TOKEN_PURPOSE = 'oidc-refresh-token';
export const ID_TOKEN_PURPOSE = 'oidc-id-token';

/** While one request asks the provider, the others of the same session go on for this long. */
const REFRESH_CLAIM_MS = 30 * 1000;

export type OidcSessionRow = SessionRow & Partial<OidcSessionColumns>;

export const refreshDue = (session: OidcSessionRow, now: Date): boolean =>
  !!session.refresh_due_at && Date.parse(session.refresh_due_at) <= now.getTime();

/**
 * A session that came from the provider lives shortly: when it is due, the refresh token goes to
 * the provider. A user disabled or removed there (the grant refused) or left without a mapped role
 * loses the session now; roles follow the groups. Returns the roles to use for this request.
 */
export async function refreshProviderSession(
  deps: AuthDeps,
  session: OidcSessionRow,
  user: UserRow,
  currentRoles: Role[],
): Promise<Role[]> {
  const now = deps.clock();
  const db = oidcDb(deps.store.db);
  // One request of the session asks the provider; a refresh token used twice may revoke the grant.
  const claimed = await db
    .updateTable('sessions')
    .set({ refresh_due_at: new Date(now.getTime() + REFRESH_CLAIM_MS).toISOString() })
    .where('id_hash', '=', session.id_hash)
    .where('refresh_due_at', '=', session.refresh_due_at ?? '')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return currentRoles;

  const tenant = session.tenant_id;
  const end = async (reason: string): Promise<never> => {
    await deps.store.transaction(async (trx) => {
      await trx.deleteFrom('sessions').where('id_hash', '=', session.id_hash).execute();
      await appendAudit(
        trx,
        {
          tenantId: tenant,
          actor: { kind: 'system', id: 'oidc' },
          action: 'auth.session_ended',
          target: { type: 'user', id: user.id },
          details: { reason },
        },
        now.toISOString(),
      );
    });
    throw oidcError('SESSION_ENDED_BY_PROVIDER');
  };

  let provider;
  try {
    provider = await providerFor(deps, deps.store.db, tenant);
  } catch (err) {
    // Switched off or removed: the provider's sessions end with it.
    if (err instanceof ApiError && err.code === 'OIDC_NOT_CONFIGURED') return end('identity provider switched off');
    throw err;
  }
  const { config, row, options } = provider;
  if (!session.oidc_refresh_enc) return end('no refresh token');
  const refreshToken = options.box.open(session.oidc_refresh_enc, REFRESH_TOKEN_PURPOSE, tenant);
  let tokens;
  try {
    tokens = await openIdClient().refreshTokenGrant(config, refreshToken);
  } catch (err) {
    const e = err as { name?: string; error?: string };
    if (e.name === 'ResponseBodyError' && e.error !== 'temporarily_unavailable')
      return end(`refresh refused: ${e.error}`);
    // The provider cannot be reached: fail closed for this request, try again at the next one.
    await db
      .updateTable('sessions')
      .set({ refresh_due_at: now.toISOString() })
      .where('id_hash', '=', session.id_hash)
      .execute();
    throw oidcError('OIDC_PROVIDER_ERROR', { step: 'refresh', cause: reasonOf(err) });
  }
  const claims = await providerClaims(config, tokens, user.external_subject ?? undefined);
  const roles = mapRoles(claims, row.role_claim, JSON.parse(row.role_map) as RoleMapping[]);
  if (roles.length === 0) return end('no mapped role');
  await deps.store.transaction(async (trx) => {
    await upsertProviderUser(trx, tenant, claims, roles, now.toISOString());
    await oidcDb(trx)
      .updateTable('sessions')
      .set({
        ...(tokens.refresh_token
          ? { oidc_refresh_enc: options.box.seal(tokens.refresh_token, REFRESH_TOKEN_PURPOSE, tenant) }
          : {}),
        ...(tokens.id_token ? { oidc_id_token_enc: options.box.seal(tokens.id_token, ID_TOKEN_PURPOSE, tenant) } : {}),
        refresh_due_at: new Date(now.getTime() + (options.refreshMs ?? DEFAULT_OIDC_REFRESH_MS)).toISOString(),
      })
      .where('id_hash', '=', session.id_hash)
      .execute();
    if (roles.join() !== currentRoles.join())
      await appendAudit(
        trx,
        {
          tenantId: tenant,
          actor: { kind: 'system', id: 'oidc' },
          action: 'user.roles_from_provider',
          target: { type: 'user', id: user.id },
          details: { before: currentRoles, after: roles },
        },
        now.toISOString(),
      );
  });
  return roles;
}

/**
 * RP-initiated logout: the provider's end-session URL with the ID token as hint, when the
 * provider has one (its metadata names `end_session_endpoint`); else undefined.
 */
export async function providerLogoutUrl(
  deps: AuthDeps,
  session: OidcSessionRow,
  postLogoutRedirectUri: string,
): Promise<string | undefined> {
  if (!deps.oidc || !session.oidc_id_token_enc) return undefined;
  try {
    const { config, options } = await providerFor(deps, deps.store.db, session.tenant_id);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    const idToken = options.box.open(session.oidc_id_token_enc, ID_TOKEN_PURPOSE, session.tenant_id);
    return openIdClient().buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: postLogoutRedirectUri,
    }).href;
  } catch {
    // The local session ends regardless; the provider's session then ends at its own time.
    return undefined;
  }
}
