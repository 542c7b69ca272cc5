import { loadCodecKeys } from '../../../platform/codec/codec-keys';
import { storeEgressGuard } from '../../../platform/egress/store-guard';
import type { Store } from '../../../platform/store/create-store';
import { secretBox } from '../../../platform/codec/secret-box';
import { DEFAULT_OIDC_REFRESH_MS, type OidcOptions } from './oidc-options';

/**
 * Sign-in through identity providers as `npm start` runs it: secrets sealed with the payload key
 * ring (DOORSTROOM_CODEC_KEYS, its file, or data/codec-keys), calls through the store's egress
 * guard, DOORSTROOM_PUBLIC_URL for the redirect URI, DOORSTROOM_OIDC_REFRESH_SECONDS (default 300)
 * for how long a session lives before the provider is asked again.
 */
export function oidcOptionsFromEnv(store: Store, dataDir: string, env: NodeJS.ProcessEnv = process.env): OidcOptions {
  const seconds = Number(env.DOORSTROOM_OIDC_REFRESH_SECONDS);
  return {
    box: secretBox(loadCodecKeys(dataDir, env)),
    egress: storeEgressGuard(store.db, env),
    ...(env.DOORSTROOM_PUBLIC_URL ? { publicUrl: env.DOORSTROOM_PUBLIC_URL } : {}),
    refreshMs: Number.isFinite(seconds) && seconds >= 30 ? seconds * 1000 : DEFAULT_OIDC_REFRESH_MS,
  };
}
