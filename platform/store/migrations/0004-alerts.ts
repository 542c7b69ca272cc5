import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Deadline alerts: one digest configuration per municipality and the log of digests sent.
 * Portable like 0001: text instants, JSON as text, booleans as integers.
 */
export function alertsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('alert_digest_configs')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('days_ahead', 'integer', (c) => c.notNull())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('email_to', 'text')
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('alert_digests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('case_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deadline_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('window_from', 'text')
        .addColumn('window_to', 'text')
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('requested_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('alert_digests_tenant_created')
        .on('alert_digests')
        .columns(['tenant_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['alert_digests', 'alert_digest_configs']) await db.schema.dropTable(t).execute();
    },
  };
}
