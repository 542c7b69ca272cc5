import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Sign-in with the municipality's own identity provider (OpenID Connect, issue 15):
 * - `identity_providers`: one per municipality; the client secret only as ciphertext of the key ring;
 * - `oidc_login_states`: state, nonce and PKCE verifier of a sign-in under way, in the store so
 *   any replica can finish it and a state is used once (a replayed callback finds it spent);
 * - sessions remember the provider's refresh token (ciphertext) and when to ask the provider again;
 * - a municipality can be disabled by the national administrator.
 */
export function identityProvidersMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('identity_providers')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        /** `v1.<keyId>.<iv>.<tag>.<ciphertext>` (services/auth/secret-box.ts); never returned by the API. */
        .addColumn('client_secret_enc', 'text')
        /** Space-separated, e.g. `openid profile email groups`. */
        .addColumn('scopes', 'text', (c) => c.notNull())
        /** Claim holding the groups or roles, a dotted path (`groups`, `roles`, `realm_access.roles`). */
        .addColumn('role_claim', 'text', (c) => c.notNull())
        /** JSON array of `{ value, roles }`: a claim value and the Doorstroom roles it gives. */
        .addColumn('role_map', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        /** 0: local usernames and passwords are refused in this municipality (national administrators excepted). */
        .addColumn('local_login', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('oidc_login_states')
        /** SHA-256 of the state: the value itself travels only in the browser and the provider's redirect. */
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();

      await db.schema.alterTable('sessions').addColumn('oidc_refresh_enc', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('oidc_id_token_enc', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('refresh_due_at', 'text').execute();
      await db.schema.alterTable('tenants').addColumn('disabled_at', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('tenants').dropColumn('disabled_at').execute();
      await db.schema.alterTable('sessions').dropColumn('refresh_due_at').execute();
      await db.schema.alterTable('sessions').dropColumn('oidc_id_token_enc').execute();
      await db.schema.alterTable('sessions').dropColumn('oidc_refresh_enc').execute();
      await db.schema.dropTable('oidc_login_states').execute();
      await db.schema.dropTable('identity_providers').execute();
    },
  };
}
