import { ApiError } from '../errors';

const SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,63}$/;

/**
 * The caller's case reference must be pseudonymous: a reference of 8 to 10 digits looks like a
 * BSN or V-nummer and is refused, because references land in search attributes, which Temporal
 * does not encrypt.
 */
export function checkCaseReference(ref: string, path = '/body/caseRef'): void {
  if (!SHAPE.test(ref)) {
    throw new ApiError(400, 'INVALID_CASE_REF', 'caseRef: 3–64 characters: letters, digits and . _ : / - (starting with a letter or digit).', path);
  }
  if (/^\d{8,10}$/.test(ref.replace(/[.\-\s]/g, ''))) {
    throw new ApiError(400, 'CASE_REF_LOOKS_PERSONAL', 'caseRef looks like a BSN or V-nummer; use a pseudonymous case reference (e.g. your zaaknummer).', path);
  }
}
