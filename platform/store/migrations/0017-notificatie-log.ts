import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * What happened to each received ZGW notification (issue 19): when it came, on which kanaal,
 * resource and actie, which mapping took it and what came of it (a case started or found, an
 * event sent, ignored, or failed with a code). References and codes only: no URL, no kenmerken,
 * no zaak data — the zaak stays in the municipality's Zaken API.
 */
export function notificatieLogMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notificatie_log')
        /** A hash of the notification (zaak form: the workflow's key, so a repeat is one entry) or a uuid. */
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('kanaal', 'text', (c) => c.notNull())
        .addColumn('resource', 'text', (c) => c.notNull())
        .addColumn('actie', 'text', (c) => c.notNull())
        /** `kenmerken` (handled at once) or `zaak` (read by a workflow). */
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('mapping_id', 'text')
        /** pending, case-started, case-exists, event-sent, ignored, failed */
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('ignore_reason', 'text')
        .addColumn('error_code', 'text')
        .addColumn('http_status', 'integer')
        .addColumn('case_id', 'text')
        .addColumn('completed_at', 'text')
        .execute();
      await db.schema
        .createIndex('notificatie_log_tenant_received')
        .on('notificatie_log')
        .columns(['tenant_id', 'received_at', 'id'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('notificatie_log').execute();
    },
  };
}
