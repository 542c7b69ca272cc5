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
}

type OidcDatabase = Omit<Database, 'sessions' | 'tenants'> & {
  sessions: SessionTable & OidcSessionColumns;
  tenants: TenantTable & { disabled_at: string | null };
  identity_providers: IdentityProviderTable;
  oidc_login_states: OidcLoginStateTable;
};

export type OidcDb = Kysely<OidcDatabase>;

/** The same connection, typed with the columns of migration 0008. */
export const oidcDb = (db: Db): OidcDb => db as unknown as OidcDb;
