/** Every kind of rule set; each must have a fact catalog (the registry's type enforces it). */
export const RULE_SET_KINDS = ['housing-priority', 'urgency-scheme', 'inburgering-pip'] as const;
export type RuleSetKind = (typeof RULE_SET_KINDS)[number];
