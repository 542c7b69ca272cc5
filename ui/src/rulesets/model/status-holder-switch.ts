import type { RuleSet } from '../../../../rules';

/**
 * The one switch designers ask for: "status holders get priority". A rule belongs to it when
 * its event names the status-holder category (as the templates do) or its name says so.
 */
export function statusHolderRules(ruleSet: RuleSet): number[] {
  return ruleSet.rules.flatMap((rule, i) => {
    const category = rule.event.params?.category;
    return category === 'status-holder' || /statushouder/i.test(rule.name) ? [i] : [];
  });
}

/** On when any of its rules is enabled (a missing `enabled` means on, as json-rules-engine runs it). */
export function statusHolderPriorityOn(ruleSet: RuleSet): boolean | undefined {
  const rules = statusHolderRules(ruleSet);
  if (rules.length === 0) return undefined;
  return rules.some((i) => ruleSet.rules[i]?.enabled !== false);
}

export function setStatusHolderPriority(ruleSet: RuleSet, on: boolean): RuleSet {
  const indices = new Set(statusHolderRules(ruleSet));
  return { ...ruleSet, rules: ruleSet.rules.map((r, i) => (indices.has(i) ? { ...r, enabled: on } : r)) };
}
