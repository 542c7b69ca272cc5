import type { Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import type { AuthConfig } from './config';

/** What the auth functions need; routes build it once from the router's deps. */
export interface AuthDeps {
  store: Store;
  clock: Clock;
  config: AuthConfig;
}
