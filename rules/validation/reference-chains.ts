import { pointer } from '../json-pointer';
import type { RulesIssue } from '../rules-error';
import { RULE_SET_LIMITS } from './rule-set-limits';

/**
 * For every named condition, the longest chain of references that starts in it (0 when it refers to
 * none). Iterative depth-first search with memoisation: linear in names plus references, no
 * recursion. A reference back into the current path (a cycle) is left out here; the cycle check
 * refuses it later.
 */
export function referenceChainDepths(edges: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  for (const start of edges.keys()) {
    if (depth.has(start)) continue;
    const stack: Array<{ name: string; next: number }> = [{ name: start, next: 0 }];
    onPath.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { name: string; next: number };
      const refs = edges.get(top.name) ?? [];
      if (top.next < refs.length) {
        const ref = refs[top.next++] as string;
        if (edges.has(ref) && !depth.has(ref) && !onPath.has(ref)) {
          onPath.add(ref);
          stack.push({ name: ref, next: 0 });
        }
        continue;
      }
      let d = 0;
      for (const ref of refs) {
        const below = depth.get(ref);
        if (below !== undefined && below + 1 > d) d = below + 1;
      }
      depth.set(top.name, d);
      onPath.delete(top.name);
      stack.pop();
    }
  }
  return depth;
}

function tooDeep(path: string, hops: number): RulesIssue {
  const max = RULE_SET_LIMITS.referenceChain;
  return {
    code: 'condition-chain-too-deep',
    path,
    message: {
      nl: `Hier begint een keten van ${hops} verwijzingen naar voorwaarden; ten hoogste ${max} zijn toegestaan.`,
      en: `A chain of ${hops} condition references starts here; at most ${max} are allowed.`,
    },
  };
}

/**
 * One issue per chain that is too long, at its start: a named condition no over-long chain
 * reaches, or a rule whose own reference makes the chain too long.
 */
export function referenceChainIssues(
  named: ReadonlyMap<string, readonly string[]>,
  rules: ReadonlyArray<readonly string[] | undefined>,
): RulesIssue[] {
  const max = RULE_SET_LIMITS.referenceChain;
  const depth = referenceChainDepths(named);
  const over = (name: string) => (depth.get(name) ?? 0) > max;
  const reachedByOver = new Set<string>();
  for (const [name, refs] of named) if (over(name)) for (const ref of refs) reachedByOver.add(ref);
  const issues: RulesIssue[] = [];
  for (const name of named.keys()) {
    if (over(name) && !reachedByOver.has(name))
      issues.push(tooDeep(pointer('namedConditions', name), depth.get(name) ?? 0));
  }
  rules.forEach((refs, i) => {
    if (!refs) return;
    let hops = 0;
    let reachesOver = false;
    for (const ref of refs) {
      const d = depth.get(ref);
      if (d === undefined) continue;
      hops = Math.max(hops, d + 1);
      reachesOver ||= d > max;
    }
    if (hops > max && !reachesOver) issues.push(tooDeep(pointer('rules', i, 'conditions'), hops));
  });
  return issues;
}
