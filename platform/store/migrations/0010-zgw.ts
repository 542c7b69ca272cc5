import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../sql-dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations see the schema as it was, not as it is */

/**
 * The municipality's link with its ZGW APIs (issue 19): where Zaken, Catalogi, Besluiten and
 * Documenten live, the client id and secret that sign the JWT the standard asks for, the
 * bronorganisatie (RSIN) Doorstroom writes as, and per process the zaaktype it is linked to.
 */
export function zgwMigration(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('zgw_settings')
        .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
        /** Base URLs, e.g. `https://openzaak.gemeente.nl/zaken/api/v1` (no trailing slash). */
        .addColumn('zaken_url', 'text', (c) => c.notNull())
        .addColumn('catalogi_url', 'text', (c) => c.notNull())
        .addColumn('besluiten_url', 'text', (c) => c.notNull())
        .addColumn('documenten_url', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        /** `v1.<keyId>.<iv>.<tag>.<ciphertext>` (services/auth/secret-box.ts); never returned by the API. */
        .addColumn('client_secret_enc', 'text')
        /** RSIN of the municipality: bronorganisatie and verantwoordelijkeOrganisatie of what Doorstroom creates. */
        .addColumn('bronorganisatie', 'text', (c) => c.notNull())
        /** JSON array of process links: `{ processId, zaaktype, statustypen: [{ step, statustype }], … }`. */
        .addColumn('process_links', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('zgw_settings').execute();
    },
  };
}
