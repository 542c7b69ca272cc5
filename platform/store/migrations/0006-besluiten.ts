import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * The municipality profile (name, addresses, signatory, bye-law) and the besluiten rendered from
 * decision records. The PDF is kept as bytes: BLOB in SQLite, BYTEA in PostgreSQL; both drivers
 * hand back a Buffer.
 */
export function besluitenMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('municipality_profiles')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('besluiten')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('case_ref', 'text', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // A retried activity issues one besluit per decision: the key of BesluitService.issue's idempotency.
        .addUniqueConstraint('besluiten_once', ['tenant_id', 'case_id', 'node_id', 'decided_at'])
        .execute();
      await db.schema.createIndex('besluiten_case').on('besluiten').columns(['tenant_id', 'case_id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['besluiten', 'municipality_profiles']) await db.schema.dropTable(t).execute();
    },
  };
}
