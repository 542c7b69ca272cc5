import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * The taakstelling ledger (placements counted by the processes), the half-yearly targets an
 * administrator enters or imports, and the monitor's saved filters. Portable like 0001:
 * text dates and instants, JSON as text.
 */
export function quotaMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('quota_placements')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('municipality', 'text', (c) => c.notNull())
        .addColumn('placed_on', 'text', (c) => c.notNull())
        .addColumn('half_year', 'text', (c) => c.notNull())
        .addColumn('scheme', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        // A retried activity counts once: the key of QuotaLedger.record's idempotency.
        .addPrimaryKeyConstraint('quota_placements_once', ['tenant_id', 'case_id', 'node_id'])
        .execute();
      await db.schema
        .createIndex('quota_placements_half_year')
        .on('quota_placements')
        .columns(['tenant_id', 'municipality', 'half_year'])
        .execute();

      await db.schema
        .createTable('quota_targets')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('municipality', 'text', (c) => c.notNull())
        .addColumn('half_year', 'text', (c) => c.notNull())
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('backlog', 'integer')
        .addColumn('surplus', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('quota_targets_pk', ['tenant_id', 'municipality', 'half_year'])
        .execute();

      await db.schema
        .createTable('monitor_saved_filters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('columns', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('monitor_saved_filters_name', ['tenant_id', 'user_id', 'name'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['monitor_saved_filters', 'quota_targets', 'quota_placements'])
        await db.schema.dropTable(t).execute();
    },
  };
}
