import type { SecretBox } from '../../platform/codec/secret-box';
import type { Db } from '../../platform/store/create-store';
import type { BesluitRow } from '../../platform/store/schema';
import type { BesluitSummary } from '../../contract/besluiten';
import { openPdf, sealPdf } from './sealed-pdf';

/** A besluit as listed (contract/besluiten.ts): no bytes. */
export type { BesluitSummary };

export interface StoredBesluit extends BesluitSummary {
  caseRef: string;
  pdf: Buffer;
}

const summary = (row: Omit<BesluitRow, 'pdf_enc' | 'case_ref' | 'tenant_id'>): BesluitSummary => ({
  id: row.id,
  caseId: row.case_id,
  nodeId: row.node_id,
  decidedAt: row.decided_at,
  sha256: row.sha256,
  size: Number(row.size),
  createdAt: row.created_at,
});

const SUMMARY_COLUMNS = ['id', 'case_id', 'node_id', 'decided_at', 'sha256', 'size', 'created_at'] as const;

/** The besluit already issued for this decision, if any (the idempotency key). */
export async function findIssued(
  db: Db,
  tenant: string,
  caseId: string,
  nodeId: string,
  decidedAt: string,
): Promise<BesluitSummary | undefined> {
  const row = await db
    .selectFrom('besluiten')
    .select(SUMMARY_COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .where('node_id', '=', nodeId)
    .where('decided_at', '=', decidedAt)
    .executeTakeFirst();
  return row && summary(row);
}

/** Stores a besluit with its PDF sealed (sealed-pdf.ts): the clear bytes never reach the store. */
export async function insertBesluit(db: Db, box: SecretBox, tenant: string, b: StoredBesluit): Promise<void> {
  await db
    .insertInto('besluiten')
    .values({
      id: b.id,
      tenant_id: tenant,
      case_id: b.caseId,
      case_ref: b.caseRef,
      node_id: b.nodeId,
      decided_at: b.decidedAt,
      sha256: b.sha256,
      pdf_enc: sealPdf(box, b.pdf, tenant),
      size: b.size,
      created_at: b.createdAt,
    })
    .execute();
}

/**
 * One besluit of one case of one tenant, its PDF opened: another tenant's id finds nothing. A PDF
 * sealed under an older key of the ring is sealed again under the active one (rotation).
 */
export async function findBesluit(
  db: Db,
  box: SecretBox,
  tenant: string,
  caseId: string,
  id: string,
): Promise<StoredBesluit | undefined> {
  const row = await db
    .selectFrom('besluiten')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const pdf = openPdf(box, row.pdf_enc, tenant);
  if (box.needsReencryption(row.pdf_enc))
    await db
      .updateTable('besluiten')
      .set({ pdf_enc: sealPdf(box, pdf, tenant) })
      .where('tenant_id', '=', tenant)
      .where('id', '=', row.id)
      .where('pdf_enc', '=', row.pdf_enc)
      .execute();
  return { ...summary(row), caseRef: row.case_ref, pdf };
}

export async function listBesluiten(db: Db, tenant: string, caseId: string): Promise<BesluitSummary[]> {
  const rows = await db
    .selectFrom('besluiten')
    .select(SUMMARY_COLUMNS)
    .where('tenant_id', '=', tenant)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(summary);
}
