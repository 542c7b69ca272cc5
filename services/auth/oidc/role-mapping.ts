import { TENANT_ROLES, type Role } from '../roles';

/** One line of a municipality's mapping: a group (or role) at the provider and the roles it gives here. */
export interface RoleMapping {
  value: string;
  roles: Role[];
}

/** Roles a provider may give: a municipality's own roles, never `national-admin` (that crosses municipalities). */
export const MAPPABLE_ROLES: readonly Role[] = TENANT_ROLES;

/** The claim at a dotted path (`groups`, `roles`, Keycloak's `realm_access.roles`) as a list of strings. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The Doorstroom roles of a user with these claims, in the order of TENANT_ROLES. */
export function mapRoles(claims: Record<string, unknown>, claim: string, mapping: readonly RoleMapping[]): Role[] {
  const held = new Set(claimValues(claims, claim));
  const roles = new Set<Role>();
  for (const line of mapping) if (held.has(line.value)) for (const r of line.roles) roles.add(r);
  return MAPPABLE_ROLES.filter((r) => roles.has(r));
}
