import type { Configuration } from 'openid-client';
import type { Db } from '../../../platform/store/create-store';
import type { AuthDeps } from '../deps';
import { egressFetch } from './egress-fetch';
import { CLIENT_SECRET_PURPOSE, findIdentityProviderRow } from './identity-provider-settings';
import { oidcError } from './oidc-errors';
import type { OidcOptions } from './oidc-options';
import type { IdentityProviderTable } from './oidc-tables';
import { openIdClient } from './openid-client';

/** Discovery answers kept this long per municipality (keys rotate at the provider; settings change here). */
const CACHE_MS = 10 * 60 * 1000;
const cache = new Map<string, { at: number; config: Promise<Configuration> }>();

export interface ProviderContext {
  row: IdentityProviderTable;
  config: Configuration;
  options: OidcOptions;
}

export function oidcOptionsOf(deps: AuthDeps): OidcOptions {
  if (!deps.oidc) throw oidcError('OIDC_UNAVAILABLE');
  return deps.oidc;
}

/** The municipality's enabled provider, discovered through the egress guard. */
export async function providerFor(deps: AuthDeps, db: Db, tenant: string): Promise<ProviderContext> {
  const options = oidcOptionsOf(deps);
  const row = await findIdentityProviderRow(db, tenant);
  if (!row || row.enabled !== 1) throw oidcError('OIDC_NOT_CONFIGURED');
  const key = `${tenant}|${row.updated_at}|${row.issuer}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return { row, config: await hit.config, options };
  const config = discover(options, row);
  cache.set(key, { at: Date.now(), config });
  try {
    return { row, config: await config, options };
  } catch (err) {
    cache.delete(key);
    throw oidcError('OIDC_PROVIDER_ERROR', { step: 'discovery', cause: reasonOf(err) });
  }
}

async function discover(options: OidcOptions, row: IdentityProviderTable): Promise<Configuration> {
  const client = openIdClient();
  const secret = row.client_secret_enc
    ? options.box.open(row.client_secret_enc, CLIENT_SECRET_PURPOSE, row.tenant_id)
    : undefined;
  const issuer = new URL(row.issuer);
  const customFetch = egressFetch(options.egress, row.tenant_id);
  const config = await client.discovery(
    issuer,
    row.client_id,
    undefined,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    {
      [client.customFetch]: customFetch,
      // Plain http reaches the guard only where it allows it (this machine in development and tests).
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      timeout: 10,
    },
  );
  config[client.customFetch] = customFetch;
  return config;
}

/**
 * A short description for the audit trail: an OAuth error code, the provider's `error`, the
 * guard's refusal, or UNREACHABLE. Never the network's own words (a delivery log is no port scanner).
 */
export function reasonOf(err: unknown): string {
  const e = err as { name?: string; code?: string; error?: string; cause?: { code?: string; name?: string } };
  if (e.cause?.code === 'DESTINATION_REFUSED' || e.code === 'DESTINATION_REFUSED') return 'DESTINATION_REFUSED';
  if (e.name === 'ResponseBodyError' || e.name === 'AuthorizationResponseError')
    return `provider: ${e.error ?? 'error'}`;
  if (e.code?.startsWith('OAUTH_')) return e.code;
  return 'UNREACHABLE';
}

/** openid-client's own checks of the ID token (audience, expiry, nonce, signature) fail with an OAUTH_ code. */
export function isTokenCheckFailure(err: unknown): boolean {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  if (e.name === 'ResponseBodyError' || e.name === 'AuthorizationResponseError') return false;
  const code = e.code ?? e.cause?.code ?? '';
  return code.startsWith('OAUTH_') && code !== 'OAUTH_RESPONSE_IS_NOT_JSON' && code !== 'OAUTH_HTTP_REQUEST_FORBIDDEN';
}
