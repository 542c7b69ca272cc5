import { findPersonalNumber } from '../../workflows/privacy/find-personal-number';
import { ApiError } from '../../platform/errors';

const SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,63}$/;

const WHAT: Record<'bsn' | 'v-nummer', { nl: string; en: string }> = {
  bsn: { nl: 'een BSN', en: 'a BSN' },
  'v-nummer': { nl: 'een V-nummer', en: 'a V-nummer' },
};

/**
 * The caller's case reference must be pseudonymous: it lands in a search attribute, which Temporal
 * does not encrypt, and in logs and URLs (AVG; see docs/privacy.md). A BSN (elfproef) or V-nummer
 * anywhere in it is refused. The one check for every way a case starts: the API, Notificaties
 * mappings and (in the workflow, with the same finder) subprocesses. The message never repeats the
 * reference: it may be the very number it refuses.
 */
export function checkCaseReference(ref: string, path = '/body/caseRef'): void {
  if (!SHAPE.test(ref)) {
    throw new ApiError(
      400,
      'INVALID_CASE_REF',
      'caseRef: 3–64 characters: letters, digits and . _ : / - (starting with a letter or digit).',
      path,
    );
  }
  const found = findPersonalNumber(ref);
  if (found) {
    const what = WHAT[found.kind];
    throw new ApiError(
      400,
      'CASE_REF_LOOKS_PERSONAL',
      `De zaakreferentie bevat iets dat op ${what.nl} lijkt; gebruik een pseudonieme referentie, zoals uw zaaknummer (caseRef contains what looks like ${what.en}; use a pseudonymous reference such as your case number).`,
      path,
      { kind: found.kind },
    );
  }
}
