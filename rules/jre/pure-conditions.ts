import { isFactReference, MAX_REFERENCE_DEPTH } from './compile-condition';
import type { FactDefinition } from './fact-definition';
import type { OperatorRegistry } from './operator-registry';
import type { ParsedCondition } from './parse-condition';

/**
 * Which named conditions give the same outcome wherever they are referenced within one run: only
 * json-rules-engine's own operators and decorators, the default path resolver, and no engine fact
 * whose cache is off. Those may be evaluated once per run (compileReference remembers the outcome).
 */
export function pureConditions(
  conditions: ReadonlyMap<unknown, ParsedCondition>,
  registry: OperatorRegistry,
  facts: ReadonlyMap<unknown, FactDefinition>,
  customPaths: boolean,
): (name: unknown) => boolean {
  const known = new Map<unknown, boolean>();
  const cachedFact = (id: unknown) => facts.get(id)?.cache !== false;
  let depth = 0;
  const pureNode = (node: ParsedCondition): boolean => {
    if (node.kind === 'reference') return isPure(node.props.condition);
    if (node.kind === 'boolean') return node.children.every(pureNode);
    const { operator, fact, value, path } = node.props;
    const evaluator = typeof operator === 'string' ? registry.get(operator) : undefined;
    if (!evaluator || !registry.isBuiltIn(evaluator) || !cachedFact(fact)) return false;
    if (customPaths && (path || (isFactReference(value) && value.path))) return false;
    return !isFactReference(value) || cachedFact(value.fact);
  };
  function isPure(name: unknown): boolean {
    const cached = known.get(name);
    if (cached !== undefined) return cached;
    known.set(name, false); // a cycle is never pure (and fails with CIRCULAR_CONDITION anyway)
    const target = conditions.get(name);
    // A chain deeper than a reference may go is never evaluated (CONDITION_TOO_DEEP): not pure, and no deeper recursion here.
    if (depth >= MAX_REFERENCE_DEPTH) return false;
    depth += 1;
    try {
      const pure = target === undefined || pureNode(target);
      known.set(name, pure);
      return pure;
    } finally {
      depth -= 1;
    }
  }
  return isPure;
}
