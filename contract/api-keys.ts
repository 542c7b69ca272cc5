import { Type, type Static } from '@sinclair/typebox';
import { PERMISSIONS, PermissionSchema } from './auth';
import { Instant, NullableInstant, Reason, TenantId, Text } from './common';

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  tenantId: TenantId,
  name: Type.String(),
  prefix: Type.String({ description: 'The visible start of the key' }),
  permissions: Type.Array(PermissionSchema),
  createdBy: Type.String(),
  createdAt: Instant,
  lastUsedAt: NullableInstant,
  revokedAt: NullableInstant,
});

export const CreateApiKeyBody = Type.Object(
  {
    name: Text(200),
    permissions: Type.Array(PermissionSchema, { minItems: 1, maxItems: PERMISSIONS.length, uniqueItems: true }),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

/** `secret` is shown once: send it as `Authorization: Bearer <secret>`. */
export const CreatedApiKey = Type.Object({ apiKey: ApiKeySchema, secret: Type.String() });

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeySchema) });

export type ApiKey = Static<typeof ApiKeySchema>;
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;
export type CreatedApiKey = Static<typeof CreatedApiKey>;
export type ApiKeyList = Static<typeof ApiKeyList>;
