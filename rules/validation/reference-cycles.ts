import type { Condition } from '../condition-schema';
import { pointer } from '../json-pointer';
import type { RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';

/** The names one condition tree refers to; an explicit stack, so no tree depth can overflow it. */
function references(root: Condition): string[] {
  const out: string[] = [];
  const stack: Condition[] = [root];
  while (stack.length > 0) {
    const o = stack.pop() as Partial<Record<'all' | 'any', Condition[]> & { not: Condition; condition: string }>;
    if (typeof o.condition === 'string') out.push(o.condition);
    for (const child of o.all ?? o.any ?? []) stack.push(child);
    if (o.not) stack.push(o.not);
  }
  return out;
}

/**
 * Names that lie on a cycle: members of a strongly connected component of more than one name, or
 * names that refer to themselves. Tarjan's algorithm with an explicit stack: linear in names and
 * references (a search from every name would be quadratic).
 */
export function namesOnCycles(edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const component: string[] = [];
  const cyclic = new Set<string>();
  let counter = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    component.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1] as { name: string; next: number };
      const refs = edges.get(top.name) ?? [];
      if (top.next < refs.length) {
        const ref = refs[top.next++] as string;
        if (!edges.has(ref)) continue;
        if (ref === top.name) cyclic.add(ref);
        if (!index.has(ref)) {
          index.set(ref, counter);
          low.set(ref, counter++);
          component.push(ref);
          onStack.add(ref);
          work.push({ name: ref, next: 0 });
        } else if (onStack.has(ref)) {
          low.set(top.name, Math.min(low.get(top.name) as number, index.get(ref) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name) as number, low.get(top.name) as number));
      if (low.get(top.name) !== index.get(top.name)) continue;
      const members: string[] = [];
      let member: string;
      do {
        member = component.pop() as string;
        onStack.delete(member);
        members.push(member);
      } while (member !== top.name);
      if (members.length > 1) for (const m of members) cyclic.add(m);
    }
  }
  return cyclic;
}

/** Named conditions that reach themselves: json-rules-engine would recurse until the stack runs out. */
export function referenceCycles(ruleSet: RuleSet): RulesIssue[] {
  const named = ruleSet.namedConditions ?? {};
  const edges = new Map(Object.entries(named).map(([name, c]) => [name, references(c)]));
  const cyclic = namesOnCycles(edges);
  return [...edges.keys()]
    .filter((name) => cyclic.has(name))
    .map((start) => ({
      code: 'condition-reference-cycle',
      path: pointer('namedConditions', start),
      message: {
        nl: `Voorwaarde '${start}' verwijst via andere voorwaarden naar zichzelf.`,
        en: `Condition '${start}' refers back to itself through other conditions.`,
      },
    }));
}
