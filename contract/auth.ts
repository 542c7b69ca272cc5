import { Type, type Static } from '@sinclair/typebox';
import { Instant, TenantId, Text, Username } from './common';

/**
 * Roles a user holds within one municipality. `behandelaar` (case handler) takes decisions with
 * legal effect: confirms or overrides the rules' proposal (AVG art. 22). Distinct from the
 * supervisor, who oversees cases and deadlines.
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

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const PermissionSchema = Type.Union(PERMISSIONS.map((p) => Type.Literal(p)));

export const LoginBody = Type.Object(
  {
    tenant: TenantId,
    username: Username,
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  tenantId: TenantId,
  username: Username,
  displayName: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(RoleSchema),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Type.Union([Instant, Type.Null()]),
  disabled: Type.Boolean(),
  identityProvider: Type.Optional(
    Type.Boolean({
      description: "Signs in through the municipality's identity provider (made just in time), not with a password",
    }),
  ),
  createdAt: Instant,
  updatedAt: Instant,
});

/** Who is calling: the same for users and API keys. */
export const MeResponse = Type.Object({
  tenant: TenantId,
  actor: Type.Object({
    kind: Type.Union([Type.Literal('user'), Type.Literal('apiKey')]),
    id: Type.String(),
    name: Type.String(),
  }),
  roles: Type.Array(RoleSchema),
  permissions: Type.Array(PermissionSchema),
  /** The signed-in person (absent for an API key). */
  user: Type.Optional(UserSchema),
  /** Send it back in the X-CSRF-Token header on POST, PUT, PATCH and DELETE. */
  csrfToken: Type.Optional(Type.String()),
  mustChangePassword: Type.Optional(Type.Boolean()),
  sessionExpiresAt: Type.Optional(Instant),
});

/** A session from the municipality's identity provider ends there too: the browser goes on to this address. */
export const LogoutResponse = Type.Object({
  redirectTo: Type.String({ format: 'uri', description: "The identity provider's end-session address" }),
});

export const LoginResponse = Type.Object({
  user: UserSchema,
  csrfToken: Type.String(),
  expiresAt: Instant,
  mustChangePassword: Type.Boolean(),
});

export const DisplayName = Text(200);

export type LoginBody = Static<typeof LoginBody>;
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
export type User = Static<typeof UserSchema>;
export type MeResponse = Static<typeof MeResponse>;
export type LoginResponse = Static<typeof LoginResponse>;
export type LogoutResponse = Static<typeof LogoutResponse>;

/** Your own password changed: the user as it is now. */
export const PasswordChanged = Type.Object({ user: UserSchema });
export type PasswordChanged = Static<typeof PasswordChanged>;
