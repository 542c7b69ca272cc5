import type { Db } from '../../platform/store/create-store';
import type { SessionRow, UserRow } from '../../platform/store/schema';
import type { AuthConfig } from './config';
import { randomToken, sha256 } from './tokens';

export interface NewSession {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(
  db: Db,
  user: { id: string; tenant_id: string },
  config: AuthConfig,
  now: Date,
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + config.sessionTtlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256(token),
      user_id: user.id,
      tenant_id: user.tenant_id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** Writing `last_seen_at` on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The live session for a cookie token and its user, or undefined when unknown, expired or idle. */
export async function findSession(
  db: Db,
  token: string,
  config: AuthConfig,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const idHash = sha256(token);
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!session) return undefined;
  const lastSeen = Date.parse(session.last_seen_at);
  if (Date.parse(session.expires_at) <= now.getTime() || lastSeen + config.sessionIdleMs <= now.getTime()) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', session.user_id)
    .where('tenant_id', '=', session.tenant_id)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null) return undefined;
  if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id_hash', '=', idHash).execute();
  }
  return { session, user };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(token)).execute();
}

/** Ends every session of a user: after a password change, reset or disabling. */
export async function deleteUserSessions(db: Db, userId: string, exceptToken?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptToken) q = q.where('id_hash', '<>', sha256(exceptToken));
  await q.execute();
}
