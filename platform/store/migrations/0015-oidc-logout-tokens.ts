import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Back-channel logout by the municipality's identity provider (OpenID Connect Back-Channel Logout 1.0, issue 15):
 * - `oidc_logout_tokens`: the logout tokens already acted on, by SHA-256 of issuer and `jti`, until
 *   they expire; in the store, so a token replayed to another replica is refused as well;
 * - sessions remember the provider's session id (`sid` of the ID token), so a logout token naming
 *   one session at the provider ends that session here.
 */
export function oidcLogoutTokensMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('oidc_logout_tokens')
        .addColumn('jti_hash', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('oidc_logout_tokens_expires_at')
        .on('oidc_logout_tokens')
        .column('expires_at')
        .execute();
      await db.schema.alterTable('sessions').addColumn('oidc_sid', 'text').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('sessions').dropColumn('oidc_sid').execute();
      await db.schema.dropTable('oidc_logout_tokens').execute();
    },
  };
}
