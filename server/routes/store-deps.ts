import { authConfig, type AuthConfig } from '../../services/auth/config';
import type { TenantAdminDeps } from '../../services/auth/tenant-admin';
import { systemClock, type Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import {
  acceptAnyObject,
  type ArtifactSeed,
  type ContentValidator,
  type VersionDeps,
} from '../../services/versions/types';

export interface StoreRouterOptions {
  store: Store;
  clock?: Clock;
  auth?: Partial<AuthConfig>;
  /** Validates rule-set and process-definition content; default: any JSON object. */
  validateContent?: ContentValidator;
  /** Built-in templates and definitions seeded into each new municipality; default: none. */
  seeds?: (tenantId: string) => readonly ArtifactSeed[] | Promise<readonly ArtifactSeed[]>;
}

/** Everything the store's routes need, defaults filled in. Build it once and share it. */
export type StoreDeps = TenantAdminDeps & VersionDeps;

export function storeDeps(options: StoreRouterOptions | StoreDeps): StoreDeps {
  if ('config' in options && 'seeds' in options && 'validateContent' in options && 'clock' in options) return options;
  const o = options;
  return {
    store: o.store,
    clock: o.clock ?? systemClock,
    config: authConfig(o.auth),
    validateContent: o.validateContent ?? acceptAnyObject,
    seeds: o.seeds ?? (() => []),
  };
}
