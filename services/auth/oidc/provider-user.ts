import type { Configuration, TokenEndpointResponse, TokenEndpointResponseHelpers } from 'openid-client';
import type { Db } from '../../../platform/store/create-store';
import { toJson } from '../../../platform/store/json';
import type { UserRow } from '../../../platform/store/schema';
import type { Role } from '../roles';
import { sha256 } from '../tokens';
import { insertUser } from '../users';
import { openIdClient } from './openid-client';

export type ProviderClaims = Record<string, unknown> & { sub: string };

/**
 * The ID token's claims, completed by the UserInfo endpoint where the provider has one: many
 * providers (oidc-provider, Keycloak by default) put profile claims and groups there, not in the
 * ID token of the code flow. UserInfo must name the same subject.
 */
export async function providerClaims(
  config: Configuration,
  tokens: TokenEndpointResponse & TokenEndpointResponseHelpers,
  expectedSubject?: string,
): Promise<ProviderClaims> {
  const idClaims = tokens.claims() as Record<string, unknown> | undefined;
  const sub = (idClaims?.sub as string | undefined) ?? expectedSubject;
  if (!sub) throw new Error('OIDC: no subject in the token response');
  if (expectedSubject && sub !== expectedSubject) throw new Error('OIDC: the provider answered for another subject');
  let userInfo: Record<string, unknown> = {};
  if (config.serverMetadata().userinfo_endpoint && tokens.access_token)
    userInfo = await openIdClient().fetchUserInfo(config, tokens.access_token, sub);
  return { ...(idClaims ?? {}), ...userInfo, sub };
}

const text = (v: unknown, max = 200): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

/**
 * Just in time: the user with this subject in this municipality, made at the first sign-in
 * (no password: it can only sign in through the provider) and given the mapped roles at every
 * sign-in and refresh. A local account with the same username is never taken over.
 */
export async function upsertProviderUser(
  db: Db,
  tenant: string,
  claims: ProviderClaims,
  roles: Role[],
  now: string,
): Promise<UserRow> {
  const displayName = text(claims.name) ?? null;
  const existing = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('external_subject', '=', claims.sub)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('users')
      .set({ roles: toJson(roles), display_name: displayName ?? existing.display_name, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
    return { ...existing, roles: toJson(roles), display_name: displayName ?? existing.display_name, updated_at: now };
  }
  const fallback = `idp-${sha256(claims.sub).slice(0, 16)}`;
  // Usernames keep to the API's pattern (letters, digits, . _ @ -): safe in logs and URLs.
  const cleaned = (text(claims.preferred_username) ?? text(claims.email) ?? '')
    .replace(/[^A-Za-z0-9._@-]/g, '-')
    .slice(0, 100);
  const wanted = cleaned.length >= 2 ? cleaned : fallback;
  // Checked first, not caught: a failed insert would end a PostgreSQL transaction.
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenant)
    .where('username', '=', wanted)
    .executeTakeFirst();
  const user = await insertUser(
    db,
    {
      tenantId: tenant,
      username: taken ? fallback : wanted,
      displayName,
      roles,
      passwordHash: null,
      mustChangePassword: false,
    },
    now,
  );
  await db.updateTable('users').set({ external_subject: claims.sub }).where('id', '=', user.id).execute();
  return db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
}
