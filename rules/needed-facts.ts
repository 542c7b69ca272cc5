import type { Condition } from './condition-schema';
import { catalogOf } from './facts/catalog-of';
import type { RuleSet } from './rule-set-schema';

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Fact names the enabled rules read, through the named conditions they use; each condition visited once. */
export function referencedFacts(ruleSet: RuleSet): Set<string> {
  const facts = new Set<string>();
  const named = ruleSet.namedConditions ?? {};
  const visitedNames = new Set<string>();
  // An explicit stack: a deep condition tree never costs call-stack depth.
  const stack: Condition[] = ruleSet.rules.filter((r) => r.enabled !== false).map((r) => r.conditions as Condition);
  while (stack.length > 0) {
    const c = stack.pop() as Condition;
    if (hasOwn(c, 'condition')) {
      const name = (c as { condition: string }).condition;
      if (!visitedNames.has(name) && hasOwn(named, name)) {
        visitedNames.add(name);
        stack.push(named[name] as Condition);
      }
    } else if (hasOwn(c, 'all')) for (const child of (c as { all: Condition[] }).all) stack.push(child);
    else if (hasOwn(c, 'any')) for (const child of (c as { any: Condition[] }).any) stack.push(child);
    else if (hasOwn(c, 'not')) stack.push((c as { not: Condition }).not);
    else if (hasOwn(c, 'fact')) facts.add((c as { fact: string }).fact);
  }
  return facts;
}

/**
 * The input facts a case must supply before this rule set may decide it: every fact its enabled
 * rules (and their named conditions) read, a derived fact replaced by its sources (age →
 * dateOfBirth), without the facts the catalog says may be unknown. In catalog order.
 * A superset of what one case needs: assessCase() asks only for those its outcome rests on.
 */
export function neededFacts(ruleSet: RuleSet): string[] {
  const catalog = catalogOf(ruleSet);
  const needed = new Set<string>();
  for (const name of referencedFacts(ruleSet)) {
    const fact = hasOwn(catalog.facts, name) ? catalog.facts[name] : undefined;
    if (!fact || fact.mayBeUnknown) continue;
    for (const input of fact.derived ? fact.derived.from : [name]) {
      if (hasOwn(catalog.facts, input) && !catalog.facts[input]?.mayBeUnknown) needed.add(input);
    }
  }
  return Object.keys(catalog.facts).filter((name) => needed.has(name));
}
