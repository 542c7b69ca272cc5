import { parseJson } from '../../platform/store/json';
import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import type { AuthContext } from './auth-context';
import type { AuthDeps } from './deps';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { loginKeys, resetLoginFailures } from './login-throttle';
import { checkPasswordPolicy } from './password-policy';
import { NATIONAL_ADMIN, type Role } from './roles';
import { deleteUserSessions } from './sessions';
import { findUserRow, insertUser, toUser, updateUser, UsernameTakenError, type User, type UserPatch } from './users';

const actorOf = (auth: AuthContext) => ({ kind: auth.actor.kind, id: auth.actor.id });

const userNotFound = () =>
  new ApiError(404, 'NOT_FOUND', 'Gebruiker niet gevonden (user not found).', '/params/userId');

/** Only a national administrator hands out the national-admin role. */
function assertMayGrant(auth: AuthContext, roles: readonly Role[] | undefined): void {
  if (roles?.includes(NATIONAL_ADMIN) && !auth.roles.includes(NATIONAL_ADMIN)) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      'Only a national administrator may grant the national-admin role.',
      '/body/roles',
    );
  }
}

export async function createUser(
  deps: AuthDeps,
  auth: AuthContext,
  input: { username: string; displayName?: string; roles: Role[] },
  reason?: string,
): Promise<{ user: User; oneTimePassword: string }> {
  assertMayGrant(auth, input.roles);
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword, deps.config.scrypt);
  const now = deps.clock().toISOString();
  try {
    const user = await deps.store.transaction(async (trx) => {
      const created = await insertUser(
        trx,
        {
          tenantId: auth.tenant,
          username: input.username,
          displayName: input.displayName ?? null,
          roles: input.roles,
          passwordHash,
          mustChangePassword: true,
        },
        now,
      );
      await appendAudit(
        trx,
        {
          tenantId: auth.tenant,
          actor: actorOf(auth),
          action: 'user.create',
          target: { type: 'user', id: created.id },
          reason: reason ?? null,
          details: { username: created.username, roles: created.roles },
        },
        now,
      );
      return created;
    });
    return { user, oneTimePassword };
  } catch (err) {
    if (err instanceof UsernameTakenError) throw new ApiError(409, err.code, err.message, '/body/username');
    throw err;
  }
}

export async function changeUser(
  deps: AuthDeps,
  auth: AuthContext,
  userId: string,
  patch: Pick<UserPatch, 'displayName' | 'roles' | 'disabled' | 'unlock'>,
  reason?: string,
): Promise<User> {
  assertMayGrant(auth, patch.roles);
  if (userId === auth.actor.id && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
    throw new ApiError(
      409,
      'SELF_LOCKOUT',
      'You cannot disable yourself or take away your own admin role; ask another admin.',
      '/params/userId',
    );
  }
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const before = await findUserRow(trx, auth.tenant, userId);
    if (!before) throw userNotFound();
    const user = await updateUser(trx, auth.tenant, userId, patch, now);
    if (!user) throw userNotFound();
    // New roles take effect everywhere at once: the user signs in again (a provider user gets the mapped roles then).
    const rolesChanged =
      patch.roles !== undefined &&
      [...patch.roles].sort().join() !== parseJson<string[]>(before.roles, []).sort().join();
    if (patch.disabled || rolesChanged) await deleteUserSessions(trx, userId);
    if (patch.unlock) await resetLoginFailures(trx, loginKeys(auth.tenant, before.username, '').user, deps.clock());
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'user.update',
        target: { type: 'user', id: userId },
        reason: reason ?? null,
        details: { before: pick(toUser(before)), after: pick(user) },
      },
      now,
    );
    return user;
  });
}

const pick = (u: User) => ({
  roles: u.roles,
  disabled: u.disabled,
  displayName: u.displayName,
  lockedUntil: u.lockedUntil,
});

/** A new one-time password; the user's sessions end and the lock-out is lifted. */
export async function resetPassword(
  deps: AuthDeps,
  auth: AuthContext,
  userId: string,
  reason?: string,
): Promise<{ user: User; oneTimePassword: string }> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword, deps.config.scrypt);
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const user = await updateUser(
      trx,
      auth.tenant,
      userId,
      { passwordHash, mustChangePassword: true, unlock: true },
      now,
    );
    if (!user) throw userNotFound();
    await deleteUserSessions(trx, userId);
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'user.reset_password',
        target: { type: 'user', id: userId },
        reason: reason ?? null,
      },
      now,
    );
    return { user, oneTimePassword };
  });
}

/** The signed-in user changes their own password; other sessions end, this one stays. */
export async function changeOwnPassword(
  deps: AuthDeps,
  auth: AuthContext,
  current: string,
  next: string,
  keepToken: string,
): Promise<User> {
  checkPasswordPolicy(next, { username: auth.actor.name ?? undefined });
  if (next === current)
    throw new ApiError(
      400,
      'PASSWORD_UNCHANGED',
      'Het nieuwe wachtwoord moet anders zijn dan het huidige (the new password must differ from the current one).',
      '/body/newPassword',
    );
  const row = await findUserRow(deps.store.db, auth.tenant, auth.actor.id);
  if (!row?.password_hash || !(await verifyPassword(current, row.password_hash))) {
    throw new ApiError(
      400,
      'WRONG_PASSWORD',
      'Het huidige wachtwoord klopt niet (current password is wrong).',
      '/body/currentPassword',
    );
  }
  const passwordHash = await hashPassword(next, deps.config.scrypt);
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const user = await updateUser(trx, auth.tenant, auth.actor.id, { passwordHash, mustChangePassword: false }, now);
    if (!user) throw userNotFound();
    await deleteUserSessions(trx, auth.actor.id, keepToken);
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'auth.password_change',
        target: { type: 'user', id: user.id },
      },
      now,
    );
    return user;
  });
}
