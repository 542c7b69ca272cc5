import type { Condition } from '../condition-schema';
import { pointer } from '../json-pointer';
import type { RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';

function references(c: Condition, out: string[]): string[] {
  const o = c as Partial<Record<'all' | 'any', Condition[]> & { not: Condition; condition: string }>;
  if (typeof o.condition === 'string') out.push(o.condition);
  for (const child of o.all ?? o.any ?? []) references(child, out);
  if (o.not) references(o.not, out);
  return out;
}

/** Named conditions that reach themselves: json-rules-engine would recurse until the stack runs out. */
export function referenceCycles(ruleSet: RuleSet): RulesIssue[] {
  const named = ruleSet.namedConditions ?? {};
  const edges = new Map(Object.entries(named).map(([name, c]) => [name, references(c, [])]));
  const issues: RulesIssue[] = [];
  for (const start of edges.keys()) {
    const stack = [...(edges.get(start) ?? [])];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === start) {
        issues.push({ code: 'condition-reference-cycle', path: pointer('namedConditions', start), message: {
          nl: `Voorwaarde '${start}' verwijst via andere voorwaarden naar zichzelf.`, en: `Condition '${start}' refers back to itself through other conditions.` } });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
  return issues;
}
