import { TransitionProgress } from '../../../contract/cohort-progress';
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

export const cohortProgressOperations: Operation[] = [
  {
    method: 'get',
    path: '/monitor/transition',
    operationId: 'getTransitionProgress',
    tag: 'Monitor',
    access: 'session',
    requires: 'a municipal role (admin, designer, approver, supervisor, behandelaar)',
    summary: 'The Ukrainian transition per cohort against the end of temporary protection',
    description:
      'Per cohort of the phasing parameter: households, completed, left, and per domain how many have it arranged, are at risk (term within 14 days or passed) or overdue. Reads the state of each case of overgang-oekraine (at most 2,000; `truncated` says when there were more).',
    responses: { 200: { description: 'Progress per cohort', schema: TransitionProgress } },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'TEMPORAL_UNAVAILABLE'],
  },
];
