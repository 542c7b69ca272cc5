import { PERMISSIONS, ROLES, type Permission, type Role } from '../../contract/auth';

// Roles and permissions are part of the API contract (users, keys and /auth/me list them).
export { NATIONAL_ADMIN, PERMISSIONS, ROLES, TENANT_ROLES, type Permission, type Role } from '../../contract/auth';

const READ_CONFIG: Permission[] = ['rulesets:read', 'definitions:read'];

/**
 * Permissions a user's roles imply, so the case API can check one thing (`requirePermission`)
 * for both users and keys. Supervisors act on cases by hand from the monitor.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['cases:read', ...READ_CONFIG],
  designer: ['cases:read', ...READ_CONFIG],
  approver: ['cases:read', ...READ_CONFIG],
  supervisor: ['cases:start', 'cases:events', 'cases:read', ...READ_CONFIG],
  // Confirming is not a permission an API key can hold: the confirm route requires this role of a signed-in user.
  behandelaar: ['cases:events', 'cases:read', ...READ_CONFIG],
  'national-admin': [],
};

export function permissionsOfRoles(roles: readonly Role[]): Permission[] {
  const all = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) all.add(p);
  return PERMISSIONS.filter((p) => all.has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
