import { ApiError } from '../../platform/errors';
import { profileCompleteness } from '../municipalities/profile-completeness';
import { readProfile } from '../municipalities/profile-store';
import type { Store } from '../../platform/store/create-store';

/**
 * Before a case handler confirms a decision: the municipality must be able to sign the besluit it
 * produces (name, address, signatory, bye-law). Otherwise the confirmation is refused with the
 * missing fields, instead of a case that waits on a letter nobody can sign.
 */
export function assertCanSign(store: Store): (tenant: string) => Promise<void> {
  return async (tenant) => {
    const completeness = profileCompleteness(await readProfile(store.db, tenant));
    if (!completeness.complete) {
      const first = completeness.missing[0];
      throw new ApiError(
        409,
        'PROFILE_INCOMPLETE',
        `Het gemeenteprofiel is nog niet compleet genoeg om een besluit te ondertekenen: ${completeness.missing.map((m) => m.message.nl).join(' ')} (The municipality profile is not complete enough to sign a besluit.)`,
        `/municipality/profile${first?.path ?? ''}`,
        { missing: completeness.missing },
      );
    }
  };
}
