import { Type, type Static } from '@sinclair/typebox';
import { UserSchema } from './auth';
import { Instant, Reason, TenantId, Text, Username } from './common';

export const TenantSchema = Type.Object({ id: TenantId, name: Type.String(), createdAt: Instant });

export const CreateTenantBody = Type.Object(
  {
    id: TenantId,
    name: Text(200),
    /** The municipality's first administrator; a one-time password comes back once. */
    admin: Type.Optional(
      Type.Object({ username: Username, displayName: Type.Optional(Text(200)) }, { additionalProperties: false }),
    ),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const UpdateTenantBody = Type.Object(
  { name: Text(200), reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

export const TenantList = Type.Object({ items: Type.Array(TenantSchema) });

export const CreatedTenantResponse = Type.Object({
  tenant: TenantSchema,
  admin: Type.Optional(Type.Object({ user: UserSchema, oneTimePassword: Type.Optional(Type.String()) })),
});

export type Tenant = Static<typeof TenantSchema>;
export type CreateTenantBody = Static<typeof CreateTenantBody>;
export type UpdateTenantBody = Static<typeof UpdateTenantBody>;
export type TenantList = Static<typeof TenantList>;
export type CreatedTenantResponse = Static<typeof CreatedTenantResponse>;
