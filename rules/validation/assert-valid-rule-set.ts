import type { RuleSet } from '../rule-set-schema';
import { RulesError, type RulesIssue } from '../rules-error';
import { validateRuleSet } from './validate-rule-set';

/** Thrown where a valid rule set is required; `issues` lists every problem, not only the first. */
export class InvalidRuleSetError extends RulesError {
  readonly issues: RulesIssue[];
  constructor(issues: RulesIssue[]) {
    const first = issues[0];
    super('invalid-rule-set', {
      nl: `De regelset is ongeldig (${issues.length} fout(en))${first ? `: ${first.path} ${first.message.nl}` : ''}`,
      en: `The rule set is invalid (${issues.length} error(s))${first ? `: ${first.path} ${first.message.en}` : ''}`,
    });
    this.issues = issues;
  }
}

export function assertValidRuleSet(ruleSet: unknown): asserts ruleSet is RuleSet {
  const result = validateRuleSet(ruleSet);
  if (!result.valid) throw new InvalidRuleSetError(result.errors);
}
