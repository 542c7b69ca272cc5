import {
  BackchannelLogoutBody,
  IdentityProviderResponse,
  OidcStartQuery,
  PutIdentityProviderBody,
  SignInMethodsQuery,
  SignInMethodsResponse,
} from '../../../contract/identity-provider';
import type { Operation } from '../operation';

const T = 'Aanmelden (sign-in)';

/** Sign-in through the municipality's identity provider, and its settings (server/routes/oidc.ts). */
export const oidcOperations: Operation[] = [
  {
    method: 'get',
    path: '/auth/methods',
    operationId: 'signInMethods',
    tag: T,
    access: 'public',
    summary: "How people of a municipality sign in: local password, the municipality's identity provider, or both",
    query: SignInMethodsQuery,
    responses: { 200: { description: 'Sign-in methods', schema: SignInMethodsResponse } },
    errors: ['VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/auth/oidc/start',
    operationId: 'startOidcSignIn',
    tag: T,
    access: 'public',
    summary: "Start sign-in at the municipality's identity provider (authorization code flow with PKCE)",
    description:
      'A browser navigation: the answer is a redirect to the provider, with the state in a cookie (HttpOnly, SameSite=Lax, path /api/v1/auth/oidc) that the callback checks.',
    query: OidcStartQuery,
    responses: { 302: { description: "Redirect to the provider's authorization endpoint" } },
    errors: ['VALIDATION_FAILED', 'OIDC_NOT_CONFIGURED', 'OIDC_UNAVAILABLE', 'OIDC_PROVIDER_ERROR', 'LOGIN_THROTTLED'],
  },
  {
    method: 'get',
    path: '/auth/oidc/callback',
    operationId: 'finishOidcSignIn',
    tag: T,
    access: 'public',
    summary: 'Where the identity provider sends the browser back (the redirect URI to register there)',
    description:
      "Checks the state against the browser's cookie (once only), exchanges the code, verifies the ID token (issuer, audience, nonce, expiry) and maps the groups to roles. Success: a session cookie and a redirect to the page the sign-in started from. Failure: a redirect to the login page with `?signinError=<code>` (OIDC_STATE_INVALID, OIDC_TOKEN_INVALID, OIDC_NO_ROLE, OIDC_USER_DISABLED, OIDC_PROVIDER_ERROR), never an error page. Its query is the provider's (`code`, `state`, `iss` or `error`), read by openid-client.",
    responses: {
      303: { description: 'Signed in (to the start page), or refused (to the login page with signinError)' },
    },
    errors: [],
  },
  {
    method: 'post',
    path: '/auth/oidc/backchannel-logout',
    operationId: 'oidcBackchannelLogout',
    tag: T,
    access: 'public',
    summary:
      'Where the identity provider ends sessions (OpenID Connect Back-Channel Logout 1.0; the backchannel_logout_uri to register there)',
    description:
      "Server to server, form-encoded `logout_token`. The token's issuer and audience name a municipality's enabled identity provider; it is verified against the provider's JWKS (fetched through the egress guard): signature, `iss`, `aud` = client id, `iat` at most 5 minutes old, the event `http://schemas.openid.net/event/backchannel-logout`, `sub` or `sid`, no `nonce`, and a `jti` not used before (kept in the store for all replicas). Then that user's provider sessions in that municipality end (by `sid` when the token has one), audited. 200 with `Cache-Control: no-store` and no body; a token that fails any check: 400 OIDC_LOGOUT_TOKEN_INVALID with `details.reason`.",
    body: BackchannelLogoutBody,
    bodyContentType: 'application/x-www-form-urlencoded',
    responses: { 200: { description: 'The sessions named by the token have ended (also when there were none)' } },
    errors: ['VALIDATION_FAILED', 'OIDC_LOGOUT_TOKEN_INVALID', 'OIDC_UNAVAILABLE', 'OIDC_PROVIDER_ERROR'],
  },
  {
    method: 'get',
    path: '/identity-provider',
    operationId: 'getIdentityProvider',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: "The municipality's identity-provider settings (never the client secret), and the URIs to register",
    responses: { 200: { description: 'Settings (null when none)', schema: IdentityProviderResponse } },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
  {
    method: 'put',
    path: '/identity-provider',
    operationId: 'putIdentityProvider',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Set the identity provider: issuer, client, scopes, role claim and mapping, local passwords on or off',
    description:
      'The client secret is sealed with the key ring and never returned (`hasClientSecret`); leave it out to keep the stored one. Audited with before and after.',
    body: PutIdentityProviderBody,
    responses: { 200: { description: 'Saved', schema: IdentityProviderResponse } },
    errors: [
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'CSRF_FAILED',
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'INVALID_IDENTITY_PROVIDER',
      'OIDC_UNAVAILABLE',
    ],
  },
];
