import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Outgoing webhooks (subscriptions and their delivery log) and incoming Notificaties API
 * mappings. Portable like 0001: text instants, JSON as text, nullable instants as flags.
 */
export function webhooksMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('webhook_subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('event_types', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_subscriptions_tenant')
        .on('webhook_subscriptions')
        .column('tenant_id')
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        // No foreign key: the log outlives a deleted subscription.
        .addColumn('subscription_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('workflow_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('failed_at', 'text')
        .addUniqueConstraint('webhook_deliveries_once', ['subscription_id', 'event_id'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_tenant_created')
        .on('webhook_deliveries')
        .columns(['tenant_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('notificatie_mappings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kanaal', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('actie', 'text', (c) => c.notNull())
        .addColumn('kenmerken', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createIndex('notificatie_mappings_match')
        .on('notificatie_mappings')
        .columns(['tenant_id', 'kanaal', 'resource', 'actie'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['notificatie_mappings', 'webhook_deliveries', 'webhook_subscriptions'])
        await db.schema.dropTable(t).execute();
    },
  };
}
