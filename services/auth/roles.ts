/** Roles a user holds within one municipality. */
/**
 * `behandelaar` (case handler) takes decisions with legal effect: confirms or overrides the rules'
 * proposal (AVG art. 22). Distinct from the supervisor, who oversees cases and deadlines.
 */
export const TENANT_ROLES = ['admin', 'designer', 'approver', 'supervisor', 'behandelaar'] as const;
/** Manages municipalities (tenants); the only thing that crosses tenants. */
export const NATIONAL_ADMIN = 'national-admin';
export const ROLES = [...TENANT_ROLES, NATIONAL_ADMIN] as const;
export type Role = (typeof ROLES)[number];

/** What an API key (a municipal system) may do; more arrive with later endpoints. */
export const PERMISSIONS = [
  'cases:start',
  'cases:events',
  'cases:read',
  'rulesets:read',
  'definitions:read',
  'notificaties:receive',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

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
