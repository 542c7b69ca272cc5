import type { Kysely } from 'kysely';
import type { Db } from '../../../platform/store/create-store';
import type { Database, SessionTable, TenantTable } from '../../../platform/store/schema';

/** The tables of migration 0008 (identity providers), as this module reads and writes them. */
export interface IdentityProviderTable {
  tenant_id: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string | null;
  scopes: string;
  role_claim: string;
  role_map: string;
  enabled: number;
  local_login: number;
  updated_by: string;
  updated_at: string;
}

export interface OidcLoginStateTable {
  state_hash: string;
  tenant_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OidcSessionColumns {
  oidc_refresh_enc: string | null;
  oidc_id_token_enc: string | null;
  refresh_due_at: string | null;
  /** The provider's session id (`sid` of the ID token), migration 0015: a back-channel logout may name it. */
  oidc_sid: string | null;
}

/** Logout tokens acted on (migration 0015): SHA-256 of issuer and `jti`, kept until they expire. */
export interface OidcLogoutTokenTable {
  jti_hash: string;
  tenant_id: string;
  expires_at: string;
}

type OidcDatabase = Omit<Database, 'sessions' | 'tenants'> & {
  sessions: SessionTable & OidcSessionColumns;
  tenants: TenantTable & { disabled_at: string | null };
  identity_providers: IdentityProviderTable;
  oidc_login_states: OidcLoginStateTable;
  oidc_logout_tokens: OidcLogoutTokenTable;
};

export type OidcDb = Kysely<OidcDatabase>;

/** The same connection, typed with the columns of migrations 0008 and 0015. */
export const oidcDb = (db: Db): OidcDb => db as unknown as OidcDb;
