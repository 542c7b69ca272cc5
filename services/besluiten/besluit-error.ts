import type { ProfileIssue } from '../../contract/municipality-profile';

export type BesluitErrorCode = 'PROFILE_INCOMPLETE' | 'DECISION_NOT_CONFIRMED' | 'EXPLANATION_MISSING';

/**
 * Why no besluit could be issued. A Temporal activity should not retry these: they need a person
 * (complete the municipality profile, confirm the decision) before a retry can succeed.
 */
export class BesluitError extends Error {
  constructor(
    readonly code: BesluitErrorCode,
    message: string,
    /** For PROFILE_INCOMPLETE: the missing profile fields, each with a code and a path. */
    readonly missing: ProfileIssue[] = [],
  ) {
    super(`Besluit: ${message}`);
    this.name = 'BesluitError';
  }
}
