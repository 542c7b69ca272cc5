import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';
import type { MigrationSecrets } from './migration-secrets';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * Besluiten at rest (issue 17): `besluiten.pdf` held the letter in clear — names, address, the
 * decision and its motivation. It moves to `pdf_enc`, sealed with the product's key ring
 * (platform/codec/secret-box.ts) under a key of its own per municipality (purpose
 * `besluit-pdf:<municipality>`, which also binds it as associated data), and the clear column is
 * dropped. Rows are converted a few at a time, so a store with many letters is never all in memory.
 * Kysely runs the migration in one transaction where DDL is transactional: a failure leaves the
 * clear column as it was.
 */
export const besluitPdfPurposeAt0013 = (tenant: string): string => `besluit-pdf:${tenant}`;

const BATCH = 50;

export function besluitPdfsSealedMigration(dialect: SqlDialect, secrets: MigrationSecrets): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const { count } = (await db
        .selectFrom('besluiten')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow()) as { count: number | string };
      if (Number(count) > 0 && !secrets.persistent)
        throw new Error(
          `0013: ${count} besluit PDF(s) to seal, but the store has no key ring (DOORSTROOM_CODEC_KEYS); ` +
            'sealing them with a throw-away key would lose them',
        );
      // SQLite's DDL is not undone with a failed migration: a run stopped half-way finds its column.
      const columns = (await db.introspection.getTables()).find((t) => t.name === 'besluiten')?.columns ?? [];
      if (!columns.some((c) => c.name === 'pdf_enc'))
        await db.schema.alterTable('besluiten').addColumn('pdf_enc', 'text').execute();
      for (;;) {
        const rows = (await db
          .selectFrom('besluiten')
          .select(['id', 'tenant_id', 'pdf'])
          .where('pdf_enc', 'is', null)
          .orderBy('id')
          .limit(BATCH)
          .execute()) as { id: string; tenant_id: string; pdf: Buffer | Uint8Array }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const plain = Buffer.from(row.pdf).toString('base64');
          await db
            .updateTable('besluiten')
            .set({ pdf_enc: secrets.box.seal(plain, besluitPdfPurposeAt0013(row.tenant_id), row.tenant_id) })
            .where('id', '=', row.id)
            .execute();
        }
      }
      await db.schema.alterTable('besluiten').dropColumn('pdf').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('besluiten')
        .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob')
        .execute();
      for (;;) {
        const rows = (await db
          .selectFrom('besluiten')
          .select(['id', 'tenant_id', 'pdf_enc'])
          .where('pdf', 'is', null)
          .orderBy('id')
          .limit(BATCH)
          .execute()) as { id: string; tenant_id: string; pdf_enc: string }[];
        if (rows.length === 0) break;
        for (const row of rows) {
          const plain = secrets.box.open(row.pdf_enc, besluitPdfPurposeAt0013(row.tenant_id), row.tenant_id);
          await db
            .updateTable('besluiten')
            .set({ pdf: Buffer.from(plain, 'base64') })
            .where('id', '=', row.id)
            .execute();
        }
      }
      await db.schema.alterTable('besluiten').dropColumn('pdf_enc').execute();
    },
  };
}
