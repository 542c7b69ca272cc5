import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Request counts per caller (API key or user) and minute, shared by every server replica on one
 * PostgreSQL store, so RATE_LIMIT_PER_MINUTE holds for the deployment and not per replica.
 * One row per caller: the current window's number and its count (a new minute starts it again).
 */
export function rateLimitsMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_index', 'integer', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('rate_limits').execute();
    },
  };
}
