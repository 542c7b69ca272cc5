import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/store/create-store';
import { isUniqueViolation } from '../../platform/store/db-errors';
import { parseJson, toJson } from '../../platform/store/json';
import type { UserRow } from '../../platform/store/schema';
import type { Role } from './roles';

/** A user as the API shows it: never the password hash. */
export interface User {
  id: string;
  tenantId: string;
  username: string;
  displayName: string | null;
  roles: Role[];
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  /** Signs in through the municipality's identity provider (made just in time), not with a password. */
  identityProvider: boolean;
  createdAt: string;
  updatedAt: string;
}

export class UsernameTakenError extends Error {
  readonly code = 'USERNAME_TAKEN';
  constructor(username: string) {
    super(`Users: username ${username} is already taken in this municipality`);
  }
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    displayName: row.display_name,
    roles: parseJson<Role[]>(row.roles, []),
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    disabled: row.disabled_at !== null,
    identityProvider: row.external_subject !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewUser {
  tenantId: string;
  username: string;
  displayName?: string | null;
  roles: Role[];
  passwordHash: string | null;
  mustChangePassword: boolean;
}

export async function insertUser(db: Db, input: NewUser, now: string): Promise<User> {
  const row: UserRow = {
    id: randomUUID(),
    tenant_id: input.tenantId,
    username: input.username,
    display_name: input.displayName ?? null,
    password_hash: input.passwordHash,
    external_subject: null,
    roles: toJson(input.roles),
    failed_logins: 0,
    locked_until: null,
    must_change_password: input.mustChangePassword ? 1 : 0,
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new UsernameTakenError(input.username);
    throw err;
  }
  return toUser(row);
}

/** Every lookup is within one tenant: a user id of another municipality finds nothing. */
export async function findUserRow(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function findUserRowByUsername(db: Db, tenantId: string, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function listUsers(db: Db, tenantId: string): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('username').execute();
  return rows.map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface UserPatch {
  displayName?: string | null;
  roles?: Role[];
  disabled?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
  /** Clears a lock-out and the failure count. */
  unlock?: boolean;
}

export async function updateUser(
  db: Db,
  tenantId: string,
  id: string,
  patch: UserPatch,
  now: string,
): Promise<User | undefined> {
  await db
    .updateTable('users')
    .set({
      updated_at: now,
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.roles !== undefined ? { roles: toJson(patch.roles) } : {}),
      ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? now : null } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.mustChangePassword !== undefined ? { must_change_password: patch.mustChangePassword ? 1 : 0 } : {}),
      ...(patch.unlock ? { failed_logins: 0, locked_until: null } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
  const row = await findUserRow(db, tenantId, id);
  return row && toUser(row);
}
