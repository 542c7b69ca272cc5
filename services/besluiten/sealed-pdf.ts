import type { SecretBox } from '../../platform/codec/secret-box';

/**
 * A besluit's PDF at rest (issue 17): the letter names the person, so it is stored sealed with the
 * product's key ring (platform/codec/secret-box.ts, like an identity provider's client secret)
 * under a key of its own per municipality: the purpose names the municipality, so HKDF derives a
 * different key for each, and the municipality is bound as associated data as well. The first key
 * of the ring seals, every key opens; a letter under an older key is sealed again when it is read
 * (besluit-store.ts), so a rotated-out key can go once every letter has been read or re-sealed.
 * Migration 0013 sealed the letters stored before, with the same purpose.
 */
export const besluitPdfPurpose = (tenant: string): string => `besluit-pdf:${tenant}`;

/** The box seals text: the PDF travels as base64 inside it. */
export function sealPdf(box: SecretBox, pdf: Buffer, tenant: string): string {
  return box.seal(pdf.toString('base64'), besluitPdfPurpose(tenant), tenant);
}

/** Throws SecretBoxError (SECRET_UNREADABLE) when the key is gone or the row is another municipality's. */
export function openPdf(box: SecretBox, sealed: string, tenant: string): Buffer {
  return Buffer.from(box.open(sealed, besluitPdfPurpose(tenant), tenant), 'base64');
}
