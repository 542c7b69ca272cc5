import type { Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';
import { sealColumnMigration } from './seal-column';

/**
 * Webhook secrets at rest (issue 15): `webhook_subscriptions.secret` held the HMAC key in clear.
 * It moves to `secret_enc`, sealed with the product's key ring (platform/codec/secret-box.ts,
 * purpose `webhook-secret`, the municipality as associated data), and the clear column is
 * dropped, so no copy stays behind. Deliveries open it to sign; the API never shows it again.
 */
export const WEBHOOK_SECRET_PURPOSE_AT_0009 = 'webhook-secret';

export function webhookSecretsSealedMigration(dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return sealColumnMigration(dialect, secrets, {
    migration: '0009',
    table: 'webhook_subscriptions',
    key: 'id',
    clear: { name: 'secret', type: 'text' },
    sealed: 'secret_enc',
    purpose: () => WEBHOOK_SECRET_PURPOSE_AT_0009,
    what: 'webhook secret(s)',
  });
}
