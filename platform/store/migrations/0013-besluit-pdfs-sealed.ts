import type { Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';
import { sealColumnMigration } from './seal-column';

/**
 * Besluiten at rest (issue 17): `besluiten.pdf` held the letter in clear — names, address, the
 * decision and its motivation. It moves to `pdf_enc`, sealed with the product's key ring
 * (platform/codec/secret-box.ts) under a key of its own per municipality (purpose
 * `besluit-pdf:<municipality>`, which also binds it as associated data), and the clear column is
 * dropped. The PDF travels as base64 inside the box.
 */
export const besluitPdfPurposeAt0013 = (tenant: string): string => `besluit-pdf:${tenant}`;

export function besluitPdfsSealedMigration(dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return sealColumnMigration(dialect, secrets, {
    migration: '0013',
    table: 'besluiten',
    key: 'id',
    clear: { name: 'pdf', type: 'binary' },
    sealed: 'pdf_enc',
    purpose: besluitPdfPurposeAt0013,
    what: 'besluit PDF(s)',
  });
}
