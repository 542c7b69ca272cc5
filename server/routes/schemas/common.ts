import { Type } from '@sinclair/typebox';
import { TENANT_ID_PATTERN } from '../../../platform/store/tenants';

/** Shared pieces of the store's request and response schemas (also fed to the OpenAPI document). */

export const TenantId = Type.String({ pattern: TENANT_ID_PATTERN, description: 'CBS-gemeentecode, e.g. GM0363' });

/** Stable name of a rule set or process definition: lower-case, digits, dashes. */
export const ArtifactKey = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'e.g. housing-priority' });

/** Login names: letters, digits and . _ @ - only, so they are safe in logs and URLs. */
export const Username = Type.String({ pattern: '^[A-Za-z0-9._@-]{2,100}$' });

/** Free text a person types (names, comments): no control characters. */
export const Text = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$' });

/** Why: stored in the audit trail. */
export const Reason = Text(2000);

export const Uuid = Type.String({ format: 'uuid' });

/** A date (YYYY-MM-DD, start of that day in the Netherlands) or an RFC 3339 date-time. */
export const DateOrDateTime = Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })]);

export const Instant = Type.String({ format: 'date-time' });
export const NullableInstant = Type.Union([Instant, Type.Null()]);

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    path: Type.Optional(Type.String()),
    details: Type.Optional(Type.Unknown()),
  }),
});

export const UserIdParams = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const KeyIdParams = Type.Object({ keyId: Uuid }, { additionalProperties: false });
export const TenantIdParams = Type.Object({ tenantId: TenantId }, { additionalProperties: false });
