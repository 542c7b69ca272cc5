import { isParameterReference, type FactCondition } from '../condition-schema';
import type { FactConditionExplanation } from '../explanation/explanation';
import type { Facts } from '../facts/derive-facts';
import { operatorSpec } from '../operators/operators';
import type { OperatorContext } from '../operators/operator-spec';
import { RulesError } from '../rules-error';
import type { CompiledCondition, EvaluationContext } from './compiled-condition';
import type { CompilerScope } from './compiler-scope';
import { conditionPriorityKey } from './priority-key';
import { expectString } from './raw-shape';

type Reader = (facts: Facts, context: EvaluationContext) => unknown;

function undefinedFact(name: string): RulesError {
  return new RulesError('undefined-fact', { nl: `Feit '${name}' ontbreekt.`, en: `Undefined fact: ${name}` });
}

/** Reads a fact the way json-rules-engine's almanac does: only the case's own facts count. */
function factReader(name: string, strict: boolean, derived: boolean): Reader {
  if (derived) {
    if (!strict) return (_f, context) => context.derived[name];
    return (_f, context) => {
      if (!Object.hasOwn(context.derived, name)) throw undefinedFact(name);
      return context.derived[name];
    };
  }
  if (strict) {
    return (facts) => {
      if (!Object.hasOwn(facts, name)) throw undefinedFact(name);
      return facts[name];
    };
  }
  // Names like 'constructor' would otherwise find Object.prototype's members instead of "unknown".
  if (name in Object.prototype || name === '__proto__')
    return (facts) => (Object.hasOwn(facts, name) ? facts[name] : undefined);
  return (facts) => facts[name];
}

function resolveValue(
  condition: FactCondition,
  scope: CompilerScope,
  path: string,
): { value: unknown; parameter?: string } {
  const raw = condition.value;
  if (isParameterReference(raw)) {
    const parameter = Object.hasOwn(scope.parameters, raw.param) ? scope.parameters[raw.param] : undefined;
    if (!parameter || typeof parameter !== 'object') {
      throw new RulesError(
        'unknown-parameter',
        { nl: `Parameter '${raw.param}' bestaat niet.`, en: `Parameter '${raw.param}' does not exist.` },
        path + '/value',
      );
    }
    return { value: parameter.value, parameter: raw.param };
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, 'fact')) {
    throw new RulesError(
      'unsupported-value',
      { nl: 'Een feit als waarde wordt niet ondersteund.', en: 'A fact as a condition value is not supported.' },
      path + '/value',
    );
  }
  return { value: raw };
}

/** json-rules-engine throws a bare TypeError here (`in` with a number calls indexOf on it); we throw a coded error at the condition. */
function invalidOperand(operator: string, path: string): RulesError {
  return new RulesError(
    'invalid-operand',
    {
      nl: `Operator '${operator}' verwacht een lijst (of tekst) als waarde.`,
      en: `Operator '${operator}' expects a list (or text) as its value.`,
    },
    path + '/value',
  );
}

export function compileFactCondition(condition: FactCondition, path: string, scope: CompilerScope): CompiledCondition {
  expectString(condition.fact, path + '/fact', { nl: 'Een feit', en: 'A fact' });
  expectString(condition.operator, path + '/operator', { nl: 'Een operator', en: 'An operator' });
  const spec = operatorSpec(condition.operator);
  if (!spec) {
    throw new RulesError(
      'unknown-operator',
      { nl: `Operator '${condition.operator}' bestaat niet.`, en: `Unknown operator: ${condition.operator}` },
      path + '/operator',
    );
  }
  const { value, parameter } = resolveValue(condition, scope, path);
  const name = condition.fact;
  scope.usedFacts.add(name);
  const isDerived = scope.derived.has(name);
  const read = factReader(name, scope.strict, isDerived);
  const evaluate = spec.evaluate;
  const throws = spec.mayThrow?.(value) ?? false;
  const operandError = throws ? invalidOperand(condition.operator, path) : undefined;
  const check: (a: unknown, context: OperatorContext) => boolean = operandError
    ? () => {
        throw operandError;
      }
    : spec.specialise
      ? spec.specialise(value)
      : (a, context) => evaluate(a, value, context);

  const describe = (status: FactConditionExplanation['status'], actual: unknown): FactConditionExplanation => {
    const node: FactConditionExplanation = {
      kind: 'fact',
      status,
      path,
      fact: name,
      operator: condition.operator,
      expected: value,
      known: actual !== undefined,
    };
    if (parameter !== undefined) node.parameter = parameter;
    if (actual !== undefined) node.actual = actual;
    return node;
  };

  return {
    test: (facts, context) => check(read(facts, context), context),
    explain: (facts, context) => {
      const actual = read(facts, context);
      return describe(check(actual, context) ? 'held' : 'failed', actual);
    },
    skip: (facts, context) => {
      const source = isDerived ? context.derived : facts;
      return describe('not-evaluated', Object.hasOwn(source, name) ? source[name] : undefined);
    },
    mayThrow: scope.strict || throws,
    priorityKey: conditionPriorityKey(condition),
  };
}
