import { CaseParams } from '../../../contract/cases';
import { BesluitList, BesluitParams, PdfBody } from '../../../contract/besluiten';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Besluiten';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'VALIDATION_FAILED'];

export const besluitOperations: Operation[] = [
  {
    method: 'get',
    path: '/cases/{caseId}/besluiten',
    operationId: 'listBesluiten',
    tag: T,
    access: 'any',
    requires: 'cases:read',
    summary: 'The besluiten (beschikkingen) issued for a case: id, decision step, decision time, SHA-256 and size',
    params: CaseParams,
    responses: { 200: { description: 'Besluiten, oldest first', schema: BesluitList } },
    errors: base,
  },
  {
    method: 'get',
    path: '/cases/{caseId}/besluiten/{besluitId}',
    operationId: 'downloadBesluit',
    tag: T,
    access: 'any',
    requires: 'cases:read',
    summary: 'Download a besluit as PDF (audited as besluit.download)',
    description:
      'Answers `application/pdf` with `Content-Disposition: attachment; filename="besluit-<caseRef>.pdf"` and `Repr-Digest: sha-256=:<base64>:` (the same hash as listed). Another municipality\'s besluit is a 404. See docs/besluiten.md.',
    params: BesluitParams,
    responses: { 200: { description: 'The PDF', schema: PdfBody, contentType: 'application/pdf' } },
    errors: [...base, 'NOT_FOUND'],
  },
];
