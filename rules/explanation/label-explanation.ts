import { resolveOutcome } from '../labels/outcome-labels';
import type { LocalizedText } from '../localized-text';
import type { Outcome, RuleSet } from '../rule-set-schema';
import type { Explanation, ExplanationLabels } from './explanation';

/** The explanation with the rule set's title and labels written in (a new object; the input is not changed). */
export function labelExplanation(explanation: Explanation, ruleSet: RuleSet): Explanation {
  const outcomes: Array<[string, Outcome]> = [];
  const seen = new Set<string>();
  for (const rule of explanation.rules) {
    const type = rule.event.type;
    if (seen.has(type)) continue;
    seen.add(type);
    const outcome = resolveOutcome(ruleSet, type);
    if (outcome) outcomes.push([type, outcome]);
  }
  // Object.fromEntries makes own properties, so a name such as '__proto__' stays a plain key.
  const labels: ExplanationLabels = {
    outcomes: Object.fromEntries(outcomes),
    noOutcome: resolveOutcome(ruleSet, null) as Outcome,
    parameters: Object.fromEntries(
      Object.entries(ruleSet.parameters ?? {}).map(([name, p]): [string, LocalizedText] => [name, p.label]),
    ),
    conditions: Object.fromEntries(Object.entries(ruleSet.conditionLabels ?? {})),
  };
  if (ruleSet.facts && Object.keys(ruleSet.facts).length > 0)
    labels.facts = Object.fromEntries(Object.entries(ruleSet.facts));
  return { ...explanation, ruleSet: { ...explanation.ruleSet, title: ruleSet.title }, labels };
}
