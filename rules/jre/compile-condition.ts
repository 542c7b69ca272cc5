import type { JreAlmanac } from './almanac';
import type { ConditionView, Trace } from './condition-view';
import { hasOwn, paramsKey } from './copy-value';
import type { FactDefinition } from './fact-definition';
import { JreError, undefinedCondition, unknownOperator } from './jre-error';
import type { OperatorRegistry } from './operator-registry';
import type { BooleanOperator, ParsedCondition } from './parse-condition';

/** Named conditions referring to named conditions: beyond this depth the reference fails with a code. */
export const MAX_REFERENCE_DEPTH = 64;

/** A compiled condition. Nested: a boolean or reference gives true/false, a fact condition its operator's raw result. */
export type Test = (almanac: JreAlmanac, trace: Trace) => unknown;
export interface Compiled {
  test: Test;
  view: ConditionView;
}

export interface CompileScope {
  registry: OperatorRegistry;
  facts: ReadonlyMap<unknown, FactDefinition>;
  conditions: ReadonlyMap<unknown, ParsedCondition>;
  allowUndefinedConditions: boolean;
  resolvePath(path: string): (value: object) => unknown;
  /** Reserves trace slots; returns the first. */
  reserve(count: number): number;
  resolving: unknown[];
  /** Named condition → the trace slots that remember its outcome within one run (see compileReference). */
  memo: Map<unknown, number>;
  /** Whether a named condition's outcome may be remembered: built-in operators, cached facts, default paths. */
  pure(name: unknown): boolean;
  /** Every reference site, so a remembered outcome can point at the site that computed it. */
  sites: ConditionView[];
  /** For runs given an almanac: every read goes through its factValue/getValue (see JreAlmanac.read). */
  viaAlmanac?: boolean;
}

export type Accessor = (almanac: JreAlmanac) => unknown;

export function isFactReference(value: unknown): value is { fact: unknown; params?: unknown; path?: unknown } {
  return value !== null && typeof value === 'object' && hasOwn(value, 'fact');
}

/** Reads a fact the way a condition does: params passed to dynamic facts, then `path` into objects. */
export function compileAccess(scope: CompileScope, fact: unknown, params: unknown, path: unknown): Accessor {
  const id = fact as string;
  if (scope.viaAlmanac) return (a) => a.read(id, params, path);
  const key = paramsKey(params === undefined ? {} : params);
  // The common case first: a plain value among the run's own facts, nothing added during the run.
  const read =
    typeof id === 'string'
      ? (a: JreAlmanac) => {
          const own = a.runtime;
          if (a.added === undefined && Object.hasOwn(own, id)) {
            const v = own[id];
            if (typeof v !== 'function') return v;
          }
          return a.value(id, params, key);
        }
      : (a: JreAlmanac) => a.value(id, params, key);
  if (!path) return read;
  const resolve = scope.resolvePath(path as string);
  return (a) => {
    const v = read(a);
    return v !== null && typeof v === 'object' ? resolve(v) : v;
  };
}

function compileFact(node: ParsedCondition, scope: CompileScope): Compiled {
  const slot = scope.reserve(3);
  const view: ConditionView = { kind: 'fact', props: node.props, slot };
  const { operator, fact, params, path, value } = node.props;
  const evaluate = typeof operator === 'string' ? scope.registry.get(operator) : undefined;
  if (!evaluate)
    return {
      view,
      test: () => {
        throw unknownOperator(operator);
      },
    };
  const lhs = compileAccess(scope, fact, params, path);
  if (scope.viaAlmanac) {
    // json-rules-engine asks the almanac for the value first, then for the fact.
    return {
      view,
      test: (a, t) => {
        const r = a.readValue(value);
        const l = lhs(a);
        const result = evaluate(l, r);
        t[slot] = result;
        t[slot + 1] = l;
        t[slot + 2] = r;
        return result;
      },
    };
  }
  const special = isFactReference(value) ? undefined : scope.registry.specialise(evaluate, value);
  if (special) {
    return {
      view,
      test: (a, t) => {
        const l = lhs(a);
        const result = special(l);
        t[slot] = result;
        t[slot + 1] = l;
        t[slot + 2] = value;
        return result;
      },
    };
  }
  if (isFactReference(value)) {
    const rhs = compileAccess(scope, value.fact, value.params, value.path);
    return {
      view,
      test: (a, t) => {
        const r = rhs(a);
        const l = lhs(a);
        const result = evaluate(l, r);
        t[slot] = result;
        t[slot + 1] = l;
        t[slot + 2] = r;
        return result;
      },
    };
  }
  return {
    view,
    test: (a, t) => {
      const l = lhs(a);
      const result = evaluate(l, value);
      t[slot] = result;
      t[slot + 1] = l;
      t[slot + 2] = value;
      return result;
    },
  };
}

/** json-rules-engine's grouping key: the condition's own priority, else its fact's, else 1. */
/** json-rules-engine groups by the priority as an object key; a value that cannot become one is a coded error, not a TypeError. */
function priorityKey(priority: unknown): string {
  try {
    return String(priority);
  } catch {
    throw new JreError('INVALID_PRIORITY', 'Condition: priority must be a number');
  }
}

function groupPriority(node: ParsedCondition, scope: CompileScope): unknown {
  if (node.priority) return node.priority;
  const fact = node.kind === 'fact' ? scope.facts.get(node.props.fact) : undefined;
  return (fact && fact.priority) || 1;
}

/**
 * all/any over a list: conditions are grouped by priority, highest first; every condition of a group
 * is evaluated (json-rules-engine evaluates a group in parallel), and later groups only when the
 * earlier ones did not decide. No conditions: true. One: its raw result.
 */
export function compileGroup(
  nodes: ParsedCondition[],
  compiled: Compiled[],
  op: 'all' | 'any',
  scope: CompileScope,
): Test {
  if (compiled.length === 0) return () => true;
  if (compiled.length === 1) return (compiled[0] as Compiled).test;
  const byPriority: Record<string, Test[]> = {};
  nodes.forEach((node, i) => {
    const key = priorityKey(groupPriority(node, scope));
    (byPriority[key] ??= []).push((compiled[i] as Compiled).test);
  });
  const groups = Object.keys(byPriority)
    .sort((a, b) => (Number(a) > Number(b) ? -1 : 1))
    .map((k) => byPriority[k] as Test[]);
  if (op === 'all') {
    return (a, t) => {
      for (const group of groups) {
        let held = true;
        for (const test of group) if (test(a, t) !== true) held = false;
        if (!held) return false;
      }
      return true;
    };
  }
  return (a, t) => {
    for (const group of groups) {
      let held = false;
      for (const test of group) if (test(a, t) === true) held = true;
      if (held) return true;
    }
    return false;
  };
}

/** Views for children that are never evaluated (a reference that also carries all/any/not). */
function staticViews(nodes: ParsedCondition[]): ConditionView[] {
  return nodes.map((n) =>
    n.boolean
      ? { kind: 'boolean', props: n.props, op: n.boolean, children: staticViews(n.children), slot: -1 }
      : n.kind === 'reference'
        ? { kind: 'reference', props: n.props, children: [], slot: -1 }
        : { kind: 'fact', props: n.props, slot: -1 },
  );
}

function compileBoolean(node: ParsedCondition, scope: CompileScope): Compiled {
  const op = node.boolean as BooleanOperator;
  const slot = scope.reserve(1);
  const children = node.children.map((c) => compileNested(c, scope));
  const view: ConditionView = { kind: 'boolean', props: node.props, op, children: children.map((c) => c.view), slot };
  if (op === 'not') {
    const child = (children[0] as Compiled).test;
    return {
      view,
      test: (a, t) => {
        const held = !child(a, t);
        t[slot] = held;
        return held;
      },
    };
  }
  const group = compileGroup(node.children, children, op, scope);
  return {
    view,
    test: (a, t) => {
      const held = group(a, t) === true;
      t[slot] = held;
      return held;
    },
  };
}

function failing(error: () => JreError): Test {
  return () => {
    throw error();
  };
}

/** A reference is replaced by the named condition it names, compiled in its place. */
export function compileReference(node: ParsedCondition, scope: CompileScope): Compiled {
  const name = node.props.condition;
  const slot = scope.reserve(1);
  const unexpanded: ConditionView = {
    kind: 'reference',
    props: node.props,
    op: node.boolean,
    children: staticViews(node.children),
    slot,
  };
  const target = scope.conditions.get(name);
  if (!target) {
    if (scope.allowUndefinedConditions)
      return {
        view: unexpanded,
        test: (_a, t) => {
          t[slot] = false;
          return false;
        },
      };
    return { view: unexpanded, test: failing(() => undefinedCondition(name)) };
  }
  if (scope.resolving.includes(name)) {
    return {
      view: unexpanded,
      test: failing(() => new JreError('CIRCULAR_CONDITION', `Condition ${String(name)} refers to itself`)),
    };
  }
  if (scope.resolving.length >= MAX_REFERENCE_DEPTH) {
    return {
      view: unexpanded,
      test: failing(
        () =>
          new JreError(
            'CONDITION_TOO_DEEP',
            `Condition ${String(name)}: references nested deeper than ${MAX_REFERENCE_DEPTH}`,
          ),
      ),
    };
  }
  scope.resolving.push(name);
  const inner = compileNested(target, scope);
  scope.resolving.pop();
  const view: ConditionView = { ...unexpanded, target: inner.view };
  if (!scope.pure(name)) return { view, test: inner.test };
  // json-rules-engine evaluates a named condition again at every reference. With pure operators and
  // cached facts the outcome cannot differ within a run, so the first site's outcome is remembered;
  // a later site writes which site it copies (its `slot`) and its results are rebuilt from there.
  let memo = scope.memo.get(name);
  if (memo === undefined) scope.memo.set(name, (memo = scope.reserve(2)));
  const site = scope.sites.push(view) - 1;
  const remembered = memo;
  const test = inner.test;
  return {
    view,
    test: (a, t) => {
      if (remembered in t) {
        t[slot] = t[remembered + 1];
        return t[remembered];
      }
      const held = test(a, t);
      t[remembered] = held;
      t[remembered + 1] = site;
      return held;
    },
  };
}

export function compileNested(node: ParsedCondition, scope: CompileScope): Compiled {
  if (node.kind === 'reference') return compileReference(node, scope);
  return node.kind === 'boolean' ? compileBoolean(node, scope) : compileFact(node, scope);
}

/** A rule's root: all/any give their raw group result, not its negation, a reference true/false. */
export function compileRoot(root: ParsedCondition, scope: CompileScope): Compiled {
  if (!root.boolean) return compileReference(root, scope);
  const children = root.children.map((c) => compileNested(c, scope));
  const view: ConditionView = {
    kind: 'boolean',
    props: root.props,
    op: root.boolean,
    children: children.map((c) => c.view),
    slot: -1,
  };
  if (root.boolean === 'not') {
    const child = (children[0] as Compiled).test;
    return { view, test: (a, t) => !child(a, t) };
  }
  return { view, test: compileGroup(root.children, children, root.boolean, scope) };
}
