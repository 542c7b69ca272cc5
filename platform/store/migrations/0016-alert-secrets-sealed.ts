import type { Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';
import { sealColumnMigration } from './seal-column';

/**
 * The deadline digest's signing secret at rest (issue 15): `alert_digest_configs.secret` held the
 * HMAC key of digest webhooks in clear, like webhook subscriptions did before 0009. It moves to
 * `secret_enc`, sealed with the product's key ring (purpose `alert-digest-secret`, the
 * municipality as associated data), and the clear column is dropped. A digest delivery opens it
 * to sign; the API shows it only when it is made (creation, rotation).
 */
export const ALERT_SECRET_PURPOSE_AT_0016 = 'alert-digest-secret';

export function alertSecretsSealedMigration(dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return sealColumnMigration(dialect, secrets, {
    migration: '0016',
    table: 'alert_digest_configs',
    key: 'tenant_id',
    clear: { name: 'secret', type: 'text' },
    sealed: 'secret_enc',
    purpose: () => ALERT_SECRET_PURPOSE_AT_0016,
    what: 'digest secret(s)',
  });
}
