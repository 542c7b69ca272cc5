import type { RuleSetKind } from '../../rules/rule-set-kinds';

export type { RuleSetKind };

/**
 * Whether a rule set kind's outcome has legal effect for the applicant. A decision with legal
 * effect is a proposal until a person confirms it (AVG art. 22; Awb 3:46 for the reasons); only
 * procedural routing may apply the outcome at once. The mapped type makes a new kind a compile
 * error until someone says which it is.
 */
export const RULE_SET_KIND_EFFECT: { [K in RuleSetKind]: 'legal' | 'procedural' } = {
  'housing-priority': 'legal',
  // Urgency is a beschikking (Huisvestingswet 2014 art. 12): a person confirms it.
  'urgency-scheme': 'legal',
  // The PIP is a beschikking (Wet inburgering 2021): a person sets it.
  'inburgering-pip': 'legal',
};
