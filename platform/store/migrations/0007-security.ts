import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Security controls that must hold across server replicas, so they live in the store:
 * the named internal hosts a municipality's deliveries may reach (egress guard), and failed
 * login attempts per username and per client address (sliding windows).
 */
export function securityMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('egress_internal_hosts')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('egress_internal_hosts_pk', ['tenant_id', 'host'])
        .execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        /** `user` (tenant + username), `addr` (client address) or `pair` (both). */
        .addColumn('scope', 'text', (c) => c.notNull())
        /** SHA-256 of the key: no usernames or addresses in clear. */
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_key_at')
        .on('login_attempts')
        .columns(['scope', 'key_hash', 'at'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('login_attempts').execute();
      await db.schema.dropTable('egress_internal_hosts').execute();
    },
  };
}
