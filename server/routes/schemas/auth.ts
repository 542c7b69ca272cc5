import { Type } from '@sinclair/typebox';
import { ROLES, PERMISSIONS } from '../../../services/auth/roles';
import { Instant, TenantId, Text, Username } from './common';

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
  /** Send it back in the X-CSRF-Token header on POST, PUT, PATCH and DELETE. */
  csrfToken: Type.Optional(Type.String()),
  mustChangePassword: Type.Optional(Type.Boolean()),
  sessionExpiresAt: Type.Optional(Instant),
});

export const LoginResponse = Type.Object({
  user: UserSchema,
  csrfToken: Type.String(),
  expiresAt: Instant,
  mustChangePassword: Type.Boolean(),
});

export const DisplayName = Text(200);
