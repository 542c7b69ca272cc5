import type { FactCatalog } from '../facts/fact-catalog';
import type { ConditionExplanation } from './explanation';

/**
 * A condition's outcome once unknown facts are taken seriously: 'unknown' when it rests on a fact
 * that is unknown and may not be (catalog: mayBeUnknown). The engine itself reads an unknown fact
 * as "fails the comparison" (json-rules-engine's semantics), which would let `niet ja` hold for
 * an unknown refusal or `not(basisvoorwaarden)` hold for unknown rent arrears. Three-valued
 * (Kleene) logic: false AND unknown is false, true OR unknown is true, anything else unknown.
 */
export type Certainty = 'held' | 'failed' | 'unknown' | 'not-evaluated';

export function mayBeUnknown(catalog: FactCatalog | undefined, fact: string): boolean {
  const definition =
    catalog && Object.prototype.hasOwnProperty.call(catalog.facts, fact) ? catalog.facts[fact] : undefined;
  return definition?.mayBeUnknown === true;
}

/** Memoised per node: named conditions appear under several rules as one shared object. */
export function certaintyOf(catalog: FactCatalog | undefined): (node: ConditionExplanation) => Certainty {
  const memo = new WeakMap<ConditionExplanation, Certainty>();
  const of = (node: ConditionExplanation): Certainty => {
    const known = memo.get(node);
    if (known) return known;
    const result = compute(node);
    memo.set(node, result);
    return result;
  };
  const compute = (node: ConditionExplanation): Certainty => {
    if (node.status === 'not-evaluated') return 'not-evaluated';
    switch (node.kind) {
      case 'fact':
        return !node.known && !mayBeUnknown(catalog, node.fact) ? 'unknown' : node.status;
      case 'reference':
        return of(node.condition);
      case 'not': {
        const inner = of(node.condition);
        return inner === 'held' ? 'failed' : inner === 'failed' ? 'held' : 'unknown';
      }
      default: {
        if (node.conditions.length === 0) return node.status;
        const decisive = node.kind === 'all' ? 'failed' : 'held';
        let open = false;
        for (const child of node.conditions) {
          const c = of(child);
          if (c === decisive) return decisive;
          // A sibling skipped after an unknown decided the group might have decided it for certain.
          if (c === 'unknown' || c === 'not-evaluated') open = true;
        }
        return open ? 'unknown' : node.kind === 'all' ? 'held' : 'failed';
      }
    }
  };
  return of;
}

/**
 * The facts (as named in the conditions, derived ones included) whose being unknown leaves the
 * condition undecided. Only walks the undecided parts, each shared node once.
 */
export function undecidingFacts(
  node: ConditionExplanation,
  certainty: (n: ConditionExplanation) => Certainty,
  out: Set<string>,
  visited = new WeakSet<ConditionExplanation>(),
): void {
  const stack: ConditionExplanation[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as ConditionExplanation;
    if (visited.has(n) || certainty(n) !== 'unknown') continue;
    visited.add(n);
    switch (n.kind) {
      case 'fact':
        out.add(n.fact);
        break;
      case 'reference':
      case 'not':
        stack.push(n.condition);
        break;
      default:
        for (let i = n.conditions.length - 1; i >= 0; i--) stack.push(n.conditions[i] as ConditionExplanation);
    }
  }
}
