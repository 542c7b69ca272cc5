import { Type, type Static } from '@sinclair/typebox';
import { CaseId } from './common';

/** Request and response schemas of the besluiten (beschikkingen) of a case. */

export const BesluitParams = Type.Object(
  {
    caseId: CaseId,
    besluitId: Type.String({ format: 'uuid', maxLength: 36, description: 'Besluit id as listed for the case' }),
  },
  { additionalProperties: false },
);

export const BesluitSummarySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    caseId: Type.String(),
    nodeId: Type.String({ description: 'The decision step' }),
    decidedAt: Type.String({ format: 'date-time', description: 'When the decision was taken (the decision record)' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the PDF, hex' }),
    size: Type.Integer({ minimum: 0, description: 'Bytes' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export type BesluitSummary = Static<typeof BesluitSummarySchema>;

export const BesluitList = Type.Object({ items: Type.Array(BesluitSummarySchema) }, { additionalProperties: false });
export type BesluitList = Static<typeof BesluitList>;

export const PdfBody = Type.String({
  contentMediaType: 'application/pdf',
  description: 'The besluit as a PDF (A4, Dutch)',
});

export type BesluitParams = Static<typeof BesluitParams>;
export type PdfBody = Static<typeof PdfBody>;
