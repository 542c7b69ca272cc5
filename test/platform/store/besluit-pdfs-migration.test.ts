import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { keyRing, type CodecKeyRing } from '../../../platform/codec/codec-keys';
import type { Store } from '../../../platform/store/create-store';
import { besluitPdfPurposeAt0013 } from '../../../platform/store/migrations/0013-besluit-pdfs-sealed';
import { insertTenant } from '../../../platform/store/tenants';
import { createBesluitService } from '../../../services/besluiten/besluit-service';
import { besluitPdfPurpose } from '../../../services/besluiten/sealed-pdf';
import { describeEachDialect } from '../../support/postgres';
import { storeAtMigration } from '../../support/store-at-migration';

const ring = (id: string): CodecKeyRing => keyRing([{ id, key: randomBytes(32) }]);
const NOW = '2026-11-30T01:00:00.000Z';
const CASE = 'GM0363-statushouder-huisvesting-0123456789abcdef01234567';
/** A letter as 0006 stored it: clear bytes with a name in them. */
const letter = (n: number) => Buffer.from(`%PDF-1.7\nBeschikking voor Yara Voorbeeld ${n}\n%%EOF\n`);

async function insertClearBesluit(store: Store, id: string, tenant: string, pdf: Buffer, n = 0): Promise<void> {
  // The row as 0006 wrote it: the schema type no longer has the clear column.
  const db = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await db
    .insertInto('besluiten')
    .values({
      id,
      tenant_id: tenant,
      case_id: CASE.replace('GM0363', tenant),
      case_ref: 'ZAAK-2026-0042',
      node_id: 'voorrang-besluit',
      decided_at: new Date(Date.parse('2026-11-27T10:15:00.000Z') + n * 1000).toISOString(),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      pdf,
      size: pdf.length,
      created_at: NOW,
    })
    .execute();
}

describeEachDialect('migration 0013: besluit PDFs sealed with a key per municipality', (dialect) => {
  it('uses the purpose the besluit service reads with', () => {
    expect(besluitPdfPurposeAt0013('GM0363')).toBe(besluitPdfPurpose('GM0363'));
  });

  it('seals every stored PDF, drops the clear column, and the service still hands out the same bytes', async () => {
    const { store, drop } = await storeAtMigration(dialect, '0010-zgw', ring('k1'));
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertTenant(store.db, { id: 'GM0344', name: 'Utrecht' }, NOW);
      // More than one batch of 50.
      const ids: Array<[string, string, Buffer]> = [];
      for (let i = 0; i < 120; i++) {
        const id = `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;
        const tenant = i % 2 ? 'GM0344' : 'GM0363';
        ids.push([id, tenant, letter(i)]);
        await insertClearBesluit(store, id, tenant, letter(i), i);
      }

      expect(await store.migrate()).toContain('0013-besluit-pdfs-sealed');

      const columns = (await store.db.introspection.getTables())
        .find((t) => t.name === 'besluiten')!
        .columns.map((c) => c.name);
      expect(columns).toContain('pdf_enc');
      expect(columns).not.toContain('pdf');
      const rows = await store.db.selectFrom('besluiten').selectAll().execute();
      expect(rows).toHaveLength(120);
      for (const row of rows) {
        expect(row.pdf_enc).toMatch(/^v1\.k1\./);
        expect(JSON.stringify(row)).not.toContain('Yara');
      }
      const service = createBesluitService({ store, clock: () => new Date(NOW) });
      for (const [id, tenant, pdf] of [ids[0]!, ids[1]!, ids[119]!]) {
        const got = await service.get(tenant, CASE.replace('GM0363', tenant), id);
        expect(got?.pdf.equals(pdf)).toBe(true);
        expect(got?.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
      }
      // Bound to its municipality: a sealed letter copied to another municipality's row does not open.
      const [amsterdam] = rows.filter((r) => r.tenant_id === 'GM0363');
      await store.db
        .updateTable('besluiten')
        .set({ pdf_enc: amsterdam!.pdf_enc })
        .where('id', '=', ids[1]![0])
        .execute();
      await expect(service.get('GM0344', CASE.replace('GM0363', 'GM0344'), ids[1]![0])).rejects.toThrow(
        /does not decrypt/,
      );
    } finally {
      await drop();
    }
  });

  it('refuses to seal existing PDFs without the product key ring, and changes nothing', async () => {
    const { store, drop } = await storeAtMigration(dialect, '0010-zgw');
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearBesluit(store, '00000000-0000-4000-8000-000000000001', 'GM0363', letter(1));
      await expect(store.migrate()).rejects.toThrow(/0013-besluit-pdfs-sealed failed: .*no key ring/);
      const row = (await (store.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .selectFrom('besluiten')
        .selectAll()
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
      expect(Buffer.from(row.pdf as Uint8Array).equals(letter(1))).toBe(true);
      expect(row).not.toHaveProperty('pdf_enc');
    } finally {
      await drop();
    }
  });

  it('goes down again: the clear PDFs come back', async () => {
    const { store, drop, migrateTo } = await storeAtMigration(dialect, '0010-zgw', ring('k1'));
    try {
      await insertTenant(store.db, { id: 'GM0363', name: 'Amsterdam' }, NOW);
      await insertClearBesluit(store, '00000000-0000-4000-8000-000000000001', 'GM0363', letter(1));
      await store.migrate();
      // Down past 0014 and 0013 (0014 sorts after 0013).
      await migrateTo('0010-zgw');
      const row = (await (store.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .selectFrom('besluiten')
        .selectAll()
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
      expect(Buffer.from(row.pdf as Uint8Array).equals(letter(1))).toBe(true);
      expect(row).not.toHaveProperty('pdf_enc');
    } finally {
      await drop();
    }
  });
});
