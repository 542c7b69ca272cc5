import { Type, type Static } from '@sinclair/typebox';
import { ROLES, RoleSchema, UserSchema } from './auth';
import { Reason, Text, Username } from './common';

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.Optional(Text(200)),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLES.length, uniqueItems: true }),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.Union([Text(200), Type.Null()])),
    roles: Type.Optional(Type.Array(RoleSchema, { maxItems: ROLES.length, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
    /** Lifts a lock-out after failed logins. */
    unlock: Type.Optional(Type.Literal(true)),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false, minProperties: 1 },
);

export { ReasonBody } from './common';

export const UserList = Type.Object({ items: Type.Array(UserSchema) });

/** The password is shown once; only its hash is kept. */
export const UserWithPassword = Type.Object({ user: UserSchema, oneTimePassword: Type.String() });

export type CreateUserBody = Static<typeof CreateUserBody>;
export type UpdateUserBody = Static<typeof UpdateUserBody>;
export type UserList = Static<typeof UserList>;
export type UserWithPassword = Static<typeof UserWithPassword>;
