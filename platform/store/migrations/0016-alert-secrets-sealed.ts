import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * The deadline digest's signing secret at rest (issue 15): `alert_digest_configs.secret` held the
 * HMAC key of digest webhooks in clear, like webhook subscriptions did before 0009. It moves to
 * `secret_enc`, sealed with the product's key ring (purpose `alert-digest-secret`, the
 * municipality as associated data), and the clear column is dropped. A digest delivery opens it
 * to sign; the API shows it only when it is made (creation, rotation).
 */
export const ALERT_SECRET_PURPOSE_AT_0016 = 'alert-digest-secret';

export function alertSecretsSealedMigration(_dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('alert_digest_configs').addColumn('secret_enc', 'text').execute();
      const rows = (await db.selectFrom('alert_digest_configs').select(['tenant_id', 'secret']).execute()) as {
        tenant_id: string;
        secret: string;
      }[];
      if (rows.length > 0 && !secrets.persistent)
        throw new Error(
          `0016: ${rows.length} digest secret(s) to seal, but the store has no key ring (DOORSTROOM_CODEC_KEYS); ` +
            'sealing them with a throw-away key would lose them',
        );
      for (const row of rows)
        await db
          .updateTable('alert_digest_configs')
          .set({ secret_enc: secrets.box.seal(row.secret, ALERT_SECRET_PURPOSE_AT_0016, row.tenant_id) })
          .where('tenant_id', '=', row.tenant_id)
          .execute();
      await db.schema.alterTable('alert_digest_configs').dropColumn('secret').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('alert_digest_configs').addColumn('secret', 'text').execute();
      const rows = (await db.selectFrom('alert_digest_configs').select(['tenant_id', 'secret_enc']).execute()) as {
        tenant_id: string;
        secret_enc: string;
      }[];
      for (const row of rows)
        await db
          .updateTable('alert_digest_configs')
          .set({ secret: secrets.box.open(row.secret_enc, ALERT_SECRET_PURPOSE_AT_0016, row.tenant_id) })
          .where('tenant_id', '=', row.tenant_id)
          .execute();
      await db.schema.alterTable('alert_digest_configs').dropColumn('secret_enc').execute();
    },
  };
}
