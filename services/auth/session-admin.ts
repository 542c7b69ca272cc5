import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import type { Store } from '../../platform/store/create-store';
import { oidcDb } from './oidc/oidc-tables';

/** A live session as an administrator (or its owner) sees it: never the token or the CSRF token. */
export interface SessionView {
  /** SHA-256 of the cookie token: names the session, opens nothing. */
  id: string;
  userId: string;
  username: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Came from the municipality's identity provider (refreshed against it). */
  identityProvider: boolean;
}

/** The municipality's live sessions, or one user's; newest first. */
export async function listSessions(store: Store, tenant: string, now: Date, userId?: string): Promise<SessionView[]> {
  let q = oidcDb(store.db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'users.username',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.oidc_refresh_enc',
    ])
    .where('sessions.tenant_id', '=', tenant)
    .where('sessions.expires_at', '>', now.toISOString());
  if (userId) q = q.where('sessions.user_id', '=', userId);
  const rows = await q.orderBy('sessions.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id_hash,
    userId: r.user_id,
    username: r.username,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    identityProvider: r.oidc_refresh_enc !== null,
  }));
}

/** Ends one session of the municipality (an administrator's, or the owner's own); audited. */
export async function endSession(
  store: Store,
  tenant: string,
  sessionId: string,
  actor: { kind: 'user' | 'apiKey'; id: string },
  onlyOwn: boolean,
  now: string,
): Promise<void> {
  await store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('sessions')
      .select(['id_hash', 'user_id'])
      .where('tenant_id', '=', tenant)
      .where('id_hash', '=', sessionId)
      .executeTakeFirst();
    if (!row || (onlyOwn && row.user_id !== actor.id))
      throw new ApiError(404, 'NOT_FOUND', 'Sessie niet gevonden (session not found).', '/params/sessionId');
    await trx.deleteFrom('sessions').where('id_hash', '=', row.id_hash).execute();
    await appendAudit(
      trx,
      { tenantId: tenant, actor, action: 'session.end', target: { type: 'user', id: row.user_id } },
      now,
    );
  });
}
