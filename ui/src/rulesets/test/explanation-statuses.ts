import type { ConditionExplanation, Explanation, RuleSet } from '../../../../rules';
import type { RunStatus } from '../graph/ruleset-flow';

/** Colours for the graph from an explanation: per rule fired or not, per condition held, failed or not evaluated. */
export function explanationStatuses(ruleSet: RuleSet, explanation: Explanation): Map<string, RunStatus> {
  const out = new Map<string, RunStatus>();
  const indexOf = new Map(ruleSet.rules.map((r, i) => [r.name, i]));
  const walk = (c: ConditionExplanation) => {
    out.set(c.path, c.status);
    if (c.kind === 'all' || c.kind === 'any') c.conditions.forEach(walk);
    else if (c.kind === 'not') walk(c.condition);
    // a reference's inner tree lives under namedConditions, which the graph does not draw
  };
  for (const rule of explanation.rules) {
    const i = indexOf.get(rule.name);
    if (i === undefined) continue;
    out.set(`/rules/${i}`, rule.fired ? 'fired' : 'not-fired');
    walk(rule.conditions);
  }
  return out;
}
