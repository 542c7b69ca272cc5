import { HouseholdImportResult, ImportHouseholdsBody } from '../../../contract/household-import';
import type { Operation } from '../operation';

export const householdImportOperations: Operation[] = [
  {
    method: 'post',
    path: '/processes/overgang-oekraine/imports',
    operationId: 'importHouseholds',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:start',
    summary: "Start the Ukrainian transition for a municipality's list of GOO households (CSV)",
    description:
      'One case of overgang-oekraine per household, started like `startCase` with the household reference as caseRef. The whole list is checked first: with any error the answer is 422 INVALID_IMPORT with every error by line and column (at most 100), and nothing is started. Importing the same list again starts nothing twice (`created: false`). At most 2,000 households per request.',
    body: ImportHouseholdsBody,
    responses: {
      201: { description: 'Cases started (some may have existed already)', schema: HouseholdImportResult },
      200: { description: 'Every household had a case already; nothing started', schema: HouseholdImportResult },
    },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'INVALID_IMPORT',
      'PROCESS_NOT_FOUND',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'BODY_TOO_LARGE',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
];
