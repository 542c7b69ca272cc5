import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * What Doorstroom wrote back to the municipality's ZGW APIs per case (issue 19, write-back): one
 * row per write, keyed by what it is (`zaak`, `status:<event>`, `besluit:<besluit id>`, …), so a
 * retried or replayed sync finds the URL it created before and never creates twice; the case
 * timeline shows the rows. Only references and codes: no case data, no personal data.
 */
export function zgwSyncMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('zgw_sync_writes')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        /** `zaak`, `status:<event id>`, `besluit:<besluit id>`, `document:<besluit id>`, `resultaat`, `eindstatus`, … */
        .addColumn('write_key', 'text', (c) => c.notNull())
        /** zaak-created, status-set, besluit-registered, document-stored, zaak-closed (the timeline's words). */
        .addColumn('kind', 'text', (c) => c.notNull())
        /** `done` or `failing` (retrying; the code says why). */
        .addColumn('state', 'text', (c) => c.notNull())
        /** The URL the ZGW API gave the resource (null while failing). */
        .addColumn('zgw_url', 'text')
        /** The step, decision step or outcome the write belongs to (an id of the process definition). */
        .addColumn('node_id', 'text')
        /** ZGW_UNAVAILABLE, ZGW_REFUSED, ZGW_NOT_LINKED … while failing. */
        .addColumn('error_code', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('zgw_sync_writes_pk', ['tenant_id', 'case_id', 'write_key'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('zgw_sync_writes').execute();
    },
  };
}
