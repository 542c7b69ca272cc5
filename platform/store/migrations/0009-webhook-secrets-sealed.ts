import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Webhook secrets at rest (issue 15): `webhook_subscriptions.secret` held the HMAC key in clear.
 * It moves to `secret_enc`, sealed with the product's key ring (platform/codec/secret-box.ts,
 * purpose `webhook-secret`, the municipality as associated data), and the clear column is
 * dropped, so no copy stays behind. Deliveries open it to sign; the API never shows it again.
 * Kysely runs a migration in one transaction where the DDL is transactional (PostgreSQL, SQLite):
 * a failure leaves the clear column as it was.
 */
export const WEBHOOK_SECRET_PURPOSE_AT_0009 = 'webhook-secret';

export function webhookSecretsSealedMigration(_dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('webhook_subscriptions').addColumn('secret_enc', 'text').execute();
      const rows = (await db.selectFrom('webhook_subscriptions').select(['id', 'tenant_id', 'secret']).execute()) as {
        id: string;
        tenant_id: string;
        secret: string;
      }[];
      if (rows.length > 0 && !secrets.persistent)
        throw new Error(
          `0009: ${rows.length} webhook secret(s) to seal, but the store has no key ring (DOORSTROOM_CODEC_KEYS); ` +
            'sealing them with a throw-away key would lose them',
        );
      for (const row of rows)
        await db
          .updateTable('webhook_subscriptions')
          .set({ secret_enc: secrets.box.seal(row.secret, WEBHOOK_SECRET_PURPOSE_AT_0009, row.tenant_id) })
          .where('id', '=', row.id)
          .execute();
      await db.schema.alterTable('webhook_subscriptions').dropColumn('secret').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('webhook_subscriptions').addColumn('secret', 'text').execute();
      const rows = (await db
        .selectFrom('webhook_subscriptions')
        .select(['id', 'tenant_id', 'secret_enc'])
        .execute()) as { id: string; tenant_id: string; secret_enc: string }[];
      for (const row of rows)
        await db
          .updateTable('webhook_subscriptions')
          .set({ secret: secrets.box.open(row.secret_enc, WEBHOOK_SECRET_PURPOSE_AT_0009, row.tenant_id) })
          .where('id', '=', row.id)
          .execute();
      await db.schema.alterTable('webhook_subscriptions').dropColumn('secret_enc').execute();
    },
  };
}
