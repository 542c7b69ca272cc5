import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import type { AuthConfig } from './config';
import type { OidcOptions } from './oidc/oidc-options';

/** What the auth functions need; routes build it once from the router's deps. */
export interface AuthDeps {
  store: Store;
  clock: Clock;
  config: AuthConfig;
  /** Sign-in through the municipality's identity provider; absent: local accounts only. */
  oidc?: OidcOptions;
}
