import type { EgressGuard } from '../../../platform/egress/egress-guard';
import type { SecretBox } from '../../../platform/codec/secret-box';

/** What sign-in through a municipality's identity provider needs besides the store. */
export interface OidcOptions {
  /** Seals client secrets and refresh tokens with the product's key ring. */
  box: SecretBox;
  /** Every call to the provider goes out through the guard. */
  egress: EgressGuard;
  /**
   * DOORSTROOM_PUBLIC_URL: the address browsers use (behind a proxy), for the redirect URI the
   * provider knows. Without it the request's own origin is used.
   */
  publicUrl?: string;
  /** How long a session lives before the provider is asked again (refresh token). Default 5 minutes. */
  refreshMs?: number;
  /** How long a sign-in may take at the provider (state, nonce, PKCE verifier kept). Default 10 minutes. */
  loginStateMs?: number;
}

export const DEFAULT_OIDC_REFRESH_MS = 5 * 60 * 1000;
export const DEFAULT_LOGIN_STATE_MS = 10 * 60 * 1000;
