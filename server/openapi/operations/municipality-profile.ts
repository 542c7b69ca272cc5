import { MunicipalityProfileResponse, PutMunicipalityProfileBody } from '../../../contract/municipality-profile';
import type { ErrorCode } from '../../../contract/error-codes';
import type { Operation } from '../operation';

const T = 'Gemeenteprofiel (municipality profile)';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'];

export const municipalityProfileOperations: Operation[] = [
  {
    method: 'get',
    path: '/municipality/profile',
    operationId: 'getMunicipalityProfile',
    tag: T,
    access: 'any',
    requires: 'cases:read (every role of the municipality)',
    summary:
      "The municipality's profile (name, addresses, signatory, bye-law) and whether a besluit can be signed with it",
    description:
      'The name defaults to the official CBS list of municipalities. `completeness.missing` lists what a besluit still needs, each with a code and a path.',
    responses: { 200: { description: 'Profile and completeness', schema: MunicipalityProfileResponse } },
    errors: base,
  },
  {
    method: 'put',
    path: '/municipality/profile',
    operationId: 'putMunicipalityProfile',
    tag: T,
    access: 'session',
    requires: 'admin',
    summary: 'Replace the municipality profile (audited as municipalityProfile.update); a field left out is cleared',
    body: PutMunicipalityProfileBody,
    responses: { 200: { description: 'Saved profile and completeness', schema: MunicipalityProfileResponse } },
    errors: [...base, 'CSRF_FAILED', 'VALIDATION_FAILED'],
  },
];
