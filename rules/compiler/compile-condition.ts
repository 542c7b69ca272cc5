import type { Condition, TopLevelCondition } from '../condition-schema';
import { childPointer, pointer } from '../json-pointer';
import { RulesError } from '../rules-error';
import { RULE_SET_LIMITS } from '../validation/rule-set-limits';
import type { CompiledCondition } from './compiled-condition';
import type { CompilerScope } from './compiler-scope';
import { compileFactCondition } from './compile-fact-condition';
import { compileGroup } from './compile-group';
import { conditionPriorityKey } from './priority-key';
import { expectObject, expectPriority, expectString, shapeError } from './raw-shape';

// Hoisted: a global lookup per call is slow where code runs in a vm context (Jest), and costs nothing to avoid.
const has = (o: object, key: string) => Object.hasOwn(o, key);

function compileNot(inner: CompiledCondition, path: string, priorityKey: number): CompiledCondition {
  const test = inner.test;
  return {
    test: (f, c) => !test(f, c),
    explain: (f, c) => {
      const e = inner.explain(f, c);
      return { kind: 'not', path, status: e.status === 'held' ? 'failed' : 'held', condition: e };
    },
    skip: (f, c) => ({ kind: 'not', path, status: 'not-evaluated', condition: inner.skip(f, c) }),
    mayThrow: inner.mayThrow,
    priorityKey,
  };
}

function compileNamed(name: string, path: string, scope: CompilerScope): CompiledCondition {
  const done = scope.compiledNamed.get(name);
  if (done) return done;
  const definition = has(scope.namedConditions, name) ? scope.namedConditions[name] : undefined;
  if (!definition) {
    throw new RulesError(
      'unknown-condition-reference',
      { nl: `Voorwaarde '${name}' bestaat niet.`, en: `No condition ${name} exists.` },
      path,
    );
  }
  if (scope.resolving.has(name)) {
    throw new RulesError(
      'condition-reference-cycle',
      { nl: `Voorwaarde '${name}' verwijst (via andere) naar zichzelf.`, en: `Condition '${name}' refers to itself.` },
      path,
    );
  }
  // Validation refuses longer chains; this keeps the compiler's own recursion bounded for unvalidated input.
  if (scope.resolving.size >= RULE_SET_LIMITS.referenceChain) {
    throw new RulesError(
      'condition-chain-too-deep',
      {
        nl: `Meer dan ${RULE_SET_LIMITS.referenceChain} verwijzingen naar voorwaarden na elkaar.`,
        en: `More than ${RULE_SET_LIMITS.referenceChain} condition references in a row.`,
      },
      path,
    );
  }
  scope.resolving.add(name);
  const outerDepth = scope.depth;
  scope.depth = 0;
  const namedPath = pointer('namedConditions', name);
  expectObject(definition, namedPath, { nl: 'Een benoemde voorwaarde', en: 'A named condition' });
  const compiled = memoised(compileCondition(definition, namedPath, scope));
  scope.depth = outerDepth;
  scope.resolving.delete(name);
  scope.compiledNamed.set(name, compiled);
  return compiled;
}

/**
 * Rules share named conditions (every category checks the basic eligibility), and within one
 * evaluation a pure condition has one outcome: compute it once. json-rules-engine recomputes it,
 * with the same result; if it throws, the whole evaluation stops at the first computation anyway.
 */
function memoised(inner: CompiledCondition): CompiledCondition {
  let testedIn = -1;
  let tested = false;
  let explainedIn = -1;
  let explained: ReturnType<CompiledCondition['explain']> | undefined;
  return {
    ...inner,
    test: (f, c) => {
      if (c.id !== testedIn) {
        tested = inner.test(f, c);
        testedIn = c.id;
      }
      return tested;
    },
    explain: (f, c) => {
      if (c.id !== explainedIn || !explained) {
        explained = inner.explain(f, c);
        explainedIn = c.id;
      }
      return explained;
    },
  };
}

function compileReference(name: unknown, path: string, scope: CompilerScope, priorityKey: number): CompiledCondition {
  expectString(name, path + '/condition', { nl: 'De naam van een voorwaarde', en: 'A condition name' });
  const target = compileNamed(name, path + '/condition', scope);
  return {
    test: target.test,
    explain: (f, c) => {
      const e = target.explain(f, c);
      return { kind: 'reference', path, name, status: e.status, condition: e };
    },
    skip: (f, c) => ({ kind: 'reference', path, name, status: 'not-evaluated', condition: target.skip(f, c) }),
    mayThrow: target.mayThrow,
    priorityKey,
  };
}

/** Nested conditions are told apart as json-rules-engine's evaluateCondition does: reference, then any, all, not, then fact. */
export function compileCondition(condition: Condition, path: string, scope: CompilerScope): CompiledCondition {
  expectObject(condition, path, { nl: 'Een voorwaarde', en: 'A condition' });
  expectPriority((condition as { priority?: unknown }).priority, path + '/priority');
  const key = conditionPriorityKey(condition);
  if (has(condition, 'condition'))
    return compileReference((condition as { condition: unknown }).condition, path, scope, key);
  if (has(condition, 'any')) return nested(() => compileBoolean('any', condition, path, scope, key), path, scope);
  if (has(condition, 'all')) return nested(() => compileBoolean('all', condition, path, scope, key), path, scope);
  if (has(condition, 'not')) return nested(() => compileBoolean('not', condition, path, scope, key), path, scope);
  return compileFactCondition(condition as Extract<Condition, { fact: string }>, path, scope);
}

/** Validation bounds nesting before anything recurses; this bounds the compiler's recursion on unvalidated input too. */
function nested(compile: () => CompiledCondition, path: string, scope: CompilerScope): CompiledCondition {
  if (scope.depth >= RULE_SET_LIMITS.conditionDepth) {
    throw new RulesError(
      'nesting-too-deep',
      {
        nl: `Voorwaarden zijn dieper genest dan ${RULE_SET_LIMITS.conditionDepth} niveaus.`,
        en: `Conditions are nested deeper than ${RULE_SET_LIMITS.conditionDepth} levels.`,
      },
      path,
    );
  }
  scope.depth++;
  try {
    return compile();
  } finally {
    scope.depth--;
  }
}

/** A rule's root is told apart as rule.js evaluate() does: any, all, not, else a reference. */
export function compileRootCondition(
  condition: TopLevelCondition,
  path: string,
  scope: CompilerScope,
): CompiledCondition {
  expectObject(condition, path, { nl: 'De voorwaarden van een regel', en: 'Rule conditions' });
  const c = condition as Partial<Record<'any' | 'all' | 'not' | 'condition', unknown>>;
  if (c.any) return nested(() => compileBoolean('any', condition, path, scope, 1), path, scope);
  if (c.all) return nested(() => compileBoolean('all', condition, path, scope, 1), path, scope);
  if (c.not) return nested(() => compileBoolean('not', condition, path, scope, 1), path, scope);
  if (typeof c.condition !== 'string') {
    throw shapeError(path, {
      nl: 'De voorwaarden van een regel beginnen met all, any, not of een verwijzing (condition).',
      en: 'Rule conditions must start with all, any, not or a condition reference.',
    });
  }
  return compileReference(c.condition, path, scope, 1);
}

function compileBoolean(
  kind: 'any' | 'all' | 'not',
  condition: Condition,
  path: string,
  scope: CompilerScope,
  key: number,
): CompiledCondition {
  if (kind === 'not') {
    const inner = (condition as { not: Condition }).not;
    expectObject(inner, childPointer(path, 'not'), {
      nl: "De voorwaarde onder 'not'",
      en: "The condition under 'not'",
    });
    return compileNot(compileCondition(inner, childPointer(path, 'not'), scope), path, key);
  }
  const children = (condition as Record<typeof kind, Condition[]>)[kind];
  if (!Array.isArray(children)) {
    throw new RulesError(
      'schema-violation',
      { nl: `'${kind}' moet een lijst zijn.`, en: `"${kind}" must be an array` },
      childPointer(path, kind),
    );
  }
  const compiled = children.map((child, i) => compileCondition(child, childPointer(path, kind, i), scope));
  return compileGroup(kind, compiled, path, key);
}
