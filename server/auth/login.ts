import { sql } from 'kysely';
import { appendAudit } from '../audit/audit';
import { ApiError } from '../errors';
import type { UserRow } from '../store/schema';
import type { AuthDeps } from './deps';
import { hashPassword, verifyPassword } from './password';
import { createSession, type NewSession } from './sessions';
import { toUser, findUserRowByUsername, type User } from './users';
import { findTenant } from '../store/tenants';

export interface LoginInput {
  tenant: string;
  username: string;
  password: string;
}

/**
 * One answer for every failure (unknown municipality or user, wrong password, locked or
 * disabled account), so the response does not tell an attacker which usernames exist.
 */
export const LOGIN_FAILED = new ApiError(
  401,
  'LOGIN_FAILED',
  'Inloggen mislukt: onjuiste gegevens, of het account is tijdelijk geblokkeerd (login failed: wrong credentials, or the account is temporarily locked).',
);

const dummyHashes = new Map<string, Promise<string>>();
/** Hashing a throw-away password for unknown users keeps their response time like a real one's. */
function dummyHash(deps: AuthDeps): Promise<string> {
  const key = JSON.stringify(deps.config.scrypt);
  let hash = dummyHashes.get(key);
  if (!hash) {
    hash = hashPassword('not-a-password', deps.config.scrypt);
    dummyHashes.set(key, hash);
  }
  return hash;
}

export async function login(deps: AuthDeps, input: LoginInput): Promise<{ user: User; session: NewSession }> {
  const { db } = deps.store;
  const now = deps.clock();
  const tenant = await findTenant(db, input.tenant);
  const row = tenant ? await findUserRowByUsername(db, tenant.id, input.username) : undefined;
  if (!tenant || !row || !row.password_hash || row.disabled_at !== null) {
    await verifyPassword(input.password, await dummyHash(deps));
    if (tenant) await auditFailure(deps, tenant.id, row, input.username, row ? 'account disabled or without password' : 'unknown user');
    throw LOGIN_FAILED;
  }
  if (row.locked_until !== null && Date.parse(row.locked_until) > now.getTime()) {
    await auditFailure(deps, tenant.id, row, input.username, 'account locked');
    throw LOGIN_FAILED;
  }
  if (!(await verifyPassword(input.password, row.password_hash))) {
    await recordFailure(deps, row);
    throw LOGIN_FAILED;
  }
  const session = await deps.store.transaction(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    const created = await createSession(trx, row, deps.config, now);
    await appendAudit(trx, {
      tenantId: row.tenant_id, actor: { kind: 'user', id: row.id }, action: 'auth.login', target: { type: 'user', id: row.id },
    }, now.toISOString());
    return created;
  });
  return { user: toUser({ ...row, failed_logins: 0, locked_until: null }), session };
}

/** Counts a failure; the `maxFailedLogins`-th in a row locks the account for `lockoutMs`. */
async function recordFailure(deps: AuthDeps, row: UserRow): Promise<void> {
  const now = deps.clock();
  await deps.store.transaction(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: sql<number>`failed_logins + 1` }).where('id', '=', row.id).execute();
    const current = await trx.selectFrom('users').select('failed_logins').where('id', '=', row.id).executeTakeFirstOrThrow();
    const locks = current.failed_logins >= deps.config.maxFailedLogins;
    if (locks) {
      const until = new Date(now.getTime() + deps.config.lockoutMs).toISOString();
      await trx.updateTable('users').set({ locked_until: until, failed_logins: 0 }).where('id', '=', row.id).execute();
    }
    await appendAudit(trx, {
      tenantId: row.tenant_id, actor: { kind: 'user', id: row.id },
      action: locks ? 'auth.lockout' : 'auth.login_failed', target: { type: 'user', id: row.id },
      details: { failures: current.failed_logins },
    }, now.toISOString());
  });
}

async function auditFailure(deps: AuthDeps, tenantId: string, row: UserRow | undefined, username: string, why: string): Promise<void> {
  await appendAudit(deps.store.db, {
    tenantId,
    actor: { kind: 'system', id: 'login' },
    action: 'auth.login_failed',
    target: { type: 'user', id: row?.id ?? null },
    details: { reason: why, ...(row ? {} : { username }) },
  }, deps.clock().toISOString());
}
