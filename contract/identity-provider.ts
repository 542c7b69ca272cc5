import { Type, type Static } from '@sinclair/typebox';
import { TENANT_ROLES } from './auth';
import { Instant, TenantId, Text } from './common';

/** A municipality's own roles; a provider's group never gives `national-admin`. */
const TenantRoleSchema = Type.Union(TENANT_ROLES.map((r) => Type.Literal(r)));

export const RoleMappingSchema = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 256, description: 'Group or role name as the provider sends it' }),
    roles: Type.Array(TenantRoleSchema, { minItems: 1, maxItems: TENANT_ROLES.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);

export const PutIdentityProviderBody = Type.Object(
  {
    issuer: Type.String({
      format: 'uri',
      maxLength: 500,
      description: 'Issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
    }),
    clientId: Type.String({ minLength: 1, maxLength: 256 }),
    clientSecret: Type.Optional(
      Type.String({
        maxLength: 1024,
        description: 'Absent: keep the stored secret; empty: remove it. Never returned.',
      }),
    ),
    scopes: Type.Array(Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$', maxLength: 100 }), {
      minItems: 1,
      maxItems: 20,
    }),
    roleClaim: Type.String({
      pattern: '^[A-Za-z0-9_:./-]{1,100}$',
      maxLength: 100,
      description: 'e.g. groups, roles, realm_access.roles',
    }),
    roleMap: Type.Array(RoleMappingSchema, { maxItems: 100 }),
    enabled: Type.Boolean(),
    localLogin: Type.Boolean({
      description: 'false: local usernames and passwords refused (national administrators excepted)',
    }),
    reason: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type PutIdentityProviderBody = Static<typeof PutIdentityProviderBody>;

export const IdentityProviderResponse = Type.Object({
  settings: Type.Union([
    Type.Object({
      issuer: Type.String(),
      clientId: Type.String(),
      hasClientSecret: Type.Boolean(),
      scopes: Type.Array(Type.String()),
      roleClaim: Type.String(),
      roleMap: Type.Array(RoleMappingSchema),
      enabled: Type.Boolean(),
      localLogin: Type.Boolean(),
      updatedBy: Type.String(),
      updatedAt: Instant,
    }),
    Type.Null(),
  ]),
  /** To register at the provider. */
  redirectUri: Type.String(),
  postLogoutRedirectUri: Type.String(),
  /** OpenID Connect Back-Channel Logout 1.0: where the provider posts its logout tokens. */
  backchannelLogoutUri: Type.String(),
});

export const SignInMethodsQuery = Type.Object({ tenant: TenantId }, { additionalProperties: false });
export const SignInMethodsResponse = Type.Object({ tenant: TenantId, local: Type.Boolean(), oidc: Type.Boolean() });

export const OidcStartQuery = Type.Object(
  { tenant: TenantId, returnTo: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/** National administration: municipalities with their state, and the CBS list to create them from. */
export const MunicipalityStateSchema = Type.Object({
  id: TenantId,
  name: Type.String(),
  createdAt: Instant,
  disabled: Type.Boolean(),
  disabledAt: Type.Union([Instant, Type.Null()]),
});
export const MunicipalityStateList = Type.Object({ items: Type.Array(MunicipalityStateSchema) });
export const CbsMunicipalityList = Type.Object({
  year: Type.Integer(),
  items: Type.Array(
    Type.Object({ code: TenantId, name: Type.String(), province: Type.String(), exists: Type.Boolean() }),
  ),
});
export const MunicipalityParams = Type.Object({ tenantId: TenantId }, { additionalProperties: false });
export const WebhookTestParams = Type.Object(
  { subscriptionId: Type.String({ format: 'uuid', maxLength: 36 }) },
  { additionalProperties: false },
);
export const WebhookTestResult = Type.Object({
  ok: Type.Boolean(),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  eventId: Type.String(),
});

export const SessionParams = Type.Object(
  { sessionId: Type.String({ pattern: '^[0-9a-f]{64}$', maxLength: 64 }) },
  { additionalProperties: false },
);
export const SessionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      userId: Type.String(),
      username: Type.String(),
      createdAt: Instant,
      lastSeenAt: Instant,
      expiresAt: Instant,
      identityProvider: Type.Boolean(),
    }),
  ),
});

/** OpenID Connect Back-Channel Logout 1.0 §2.5: the provider posts the logout token form-encoded. */
export const BackchannelLogoutBody = Type.Object(
  { logout_token: Type.String({ minLength: 1, maxLength: 16384 }) },
  // Providers may add parameters (the spec lets them); the form parser reads at most 10.
  { additionalProperties: true, maxProperties: 10 },
);
