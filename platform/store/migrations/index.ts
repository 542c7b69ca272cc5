import type { Migration, MigrationProvider } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import { initialMigration } from './0001-initial';
import { webhooksMigration } from './0002-webhooks';
import { quotaMigration } from './0003-quota';
import { alertsMigration } from './0004-alerts';
import { idempotencyMigration } from './0005-idempotency';
import { besluitenMigration } from './0006-besluiten';
import { securityMigration } from './0007-security';
import { identityProvidersMigration } from './0008-identity-providers';
import { webhookSecretsSealedMigration } from './0009-webhook-secrets-sealed';
import type { MigrationSecrets } from './migration-secrets';
import { zgwMigration } from './0010-zgw';
import { besluitPdfsSealedMigration } from './0013-besluit-pdfs-sealed';
import { rateLimitsMigration } from './0014-rate-limits';
import { oidcLogoutTokensMigration } from './0015-oidc-logout-tokens';
import { alertSecretsSealedMigration } from './0016-alert-secrets-sealed';
import { notificatieLogMigration } from './0017-notificatie-log';
import { zgwSyncMigration } from './0018-zgw-sync';

/**
 * Migrations in code, not read from a folder: they survive bundling and need no file paths.
 * Names sort in order of application; never rename or edit one that has shipped.
 */
export function migrationProvider(dialect: SqlDialect, secrets: MigrationSecrets): MigrationProvider {
  return {
    getMigrations: (): Promise<Record<string, Migration>> =>
      Promise.resolve({
        '0001-initial': initialMigration(dialect),
        '0002-webhooks': webhooksMigration(dialect),
        '0003-quota': quotaMigration(dialect),
        '0004-alerts': alertsMigration(dialect),
        '0005-idempotency': idempotencyMigration(dialect),
        '0006-besluiten': besluitenMigration(dialect),
        '0007-security': securityMigration(dialect),
        '0008-identity-providers': identityProvidersMigration(dialect),
        '0009-webhook-secrets-sealed': webhookSecretsSealedMigration(dialect, secrets),
        '0010-zgw': zgwMigration(dialect),
        '0013-besluit-pdfs-sealed': besluitPdfsSealedMigration(dialect, secrets),
        '0014-rate-limits': rateLimitsMigration(dialect),
        '0015-oidc-logout-tokens': oidcLogoutTokensMigration(dialect),
        '0016-alert-secrets-sealed': alertSecretsSealedMigration(dialect, secrets),
        '0017-notificatie-log': notificatieLogMigration(dialect),
        '0018-zgw-sync': zgwSyncMigration(dialect),
      }),
  };
}
