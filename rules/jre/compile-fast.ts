import type { JreAlmanac } from './almanac';
import { compileAccess, isFactReference, type CompileScope } from './compile-condition';
import type { ParsedCondition } from './parse-condition';
import { paramsKey } from './copy-value';

/** A condition without trace or priority groups: true/false only, stopping at the first deciding child. */
export type FastTest = (almanac: JreAlmanac, memo: unknown[]) => boolean;

export interface FastScope {
  scope: CompileScope;
  allowUndefinedFacts: boolean;
  allowUndefinedConditions: boolean;
  customPaths: boolean;
  /** Named condition → index in the run's small memo array. */
  memo: Map<unknown, number>;
  resolving: unknown[];
  /** Facts the conditions read: a run that gives one of them as a function must trace. */
  factIds: Set<string>;
}

/**
 * The short path for runs whose rules cannot throw and have no side effects: built-in operators on
 * constant values, undefined facts allowed, no engine fact computed by a function, default paths,
 * every reference defined or allowed to be undefined. There json-rules-engine's evaluation order and
 * priority groups cannot change an outcome, so conditions may stop early, and rule results are built
 * afterwards by running the traced closures once more over the same facts (see RunResult).
 * Returns undefined for any condition outside that set; the engine then always traces.
 */
export function compileFast(node: ParsedCondition, fs: FastScope, root = false): FastTest | undefined {
  if (node.kind === 'reference' && !(root && node.boolean)) return compileFastReference(node, fs);
  if (node.kind === 'fact') return compileFastFact(node, fs);
  const children: FastTest[] = [];
  for (const child of node.children) {
    const compiled = compileFast(child, fs);
    if (!compiled) return undefined;
    children.push(compiled);
  }
  if (node.boolean === 'not') {
    const child = children[0] as FastTest;
    return (a, m) => !child(a, m);
  }
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0];
  if (node.boolean === 'all')
    return (a, m) => {
      for (const c of children) if (!c(a, m)) return false;
      return true;
    };
  return (a, m) => {
    for (const c of children) if (c(a, m)) return true;
    return false;
  };
}

function compileFastFact(node: ParsedCondition, fs: FastScope): FastTest | undefined {
  const { operator, fact, params, path, value } = node.props;
  if (!fs.allowUndefinedFacts || (fs.customPaths && path) || isFactReference(value) || typeof operator !== 'string')
    return undefined;
  const definition = fs.scope.facts.get(fact);
  if (definition && !definition.constant) return undefined;
  const evaluator = fs.scope.registry.get(operator);
  if (!evaluator || !fs.scope.registry.isBuiltIn(evaluator)) return undefined;
  const special = fs.scope.registry.specialise(evaluator, value);
  if (!special) return undefined;
  fs.factIds.add(String(fact));
  if (!path && typeof fact === 'string') {
    // The accessor and the operator in one closure: this is the hottest path of the Engine.
    const key = paramsKey(params === undefined ? {} : params);
    return (a) => {
      const own = a.runtime;
      if (a.added === undefined && Object.hasOwn(own, fact)) {
        const v = own[fact];
        if (typeof v !== 'function') return special(v) as boolean;
      }
      return special(a.value(fact, params, key)) as boolean;
    };
  }
  const read = compileAccess(fs.scope, fact, params, path);
  return (a) => special(read(a)) as boolean;
}

function compileFastReference(node: ParsedCondition, fs: FastScope): FastTest | undefined {
  const name = node.props.condition;
  const target = fs.scope.conditions.get(name);
  if (!target) return fs.allowUndefinedConditions ? () => false : undefined;
  if (fs.resolving.includes(name) || fs.resolving.length >= 64) return undefined;
  fs.resolving.push(name);
  const inner = compileFast(target, fs);
  fs.resolving.pop();
  if (!inner) return undefined;
  let index = fs.memo.get(name);
  if (index === undefined) fs.memo.set(name, (index = fs.memo.size));
  const at = index;
  return (a, m) => {
    const known = m[at];
    if (known !== undefined) return known as boolean;
    const held = inner(a, m);
    m[at] = held;
    return held;
  };
}
