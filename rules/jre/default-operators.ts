import { JreError } from './jre-error';
import type { DecoratorCallback, OperatorCallback } from './jre-types';

// json-rules-engine 7's built-in operators and decorators, as its docs define them. Kept apart from
// rules/operators on purpose: those serve the product's validated format and may grow safety checks,
// these must stay exactly json-rules-engine's (an `in` against a number throws there, so it does here,
// with a code). A validator runs before the operator and a false validator fails the condition.

export interface OperatorDefinition {
  cb: OperatorCallback;
  validator?: (factValue: unknown) => boolean;
  /** The same test for one constant value, validator included: a compiled condition calls this. */
  specialise?: (jsonValue: unknown) => ((factValue: unknown) => unknown) | undefined;
}

export interface DecoratorDefinition {
  cb: DecoratorCallback;
  validator?: (factValue: unknown) => boolean;
}

/** json-rules-engine: a fact is numeric when parseFloat of it is not NaN ("5" is; "5" < "10" is then a text comparison). */
export function numberValidator(factValue: unknown): boolean {
  if (typeof factValue === 'number') return factValue === factValue; // parseFloat of a number is NaN only for NaN
  if (typeof factValue === 'object' && factValue !== null)
    return converted('numeric check', () => Number.parseFloat(factValue as unknown as string).toString() !== 'NaN');
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

/**
 * An object JavaScript cannot turn into a number or text (JSON such as `{"valueOf": 1, "toString": 1}`).
 * As a fact, json-rules-engine throws a TypeError in `parseFloat` or `<`: here the coded INVALID_OPERAND.
 * As a rule's value, json-rules-engine answers false (measured against json-rules-engine 7 in
 * test/rules/jre/engine-operator.test.ts), so it does here.
 */
function converted<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TypeError) throw new JreError('INVALID_OPERAND', `Operator ${name}: ${error.message}`);
    throw error;
  }
}

const isPrimitive = (v: unknown): boolean => typeof v !== 'object' || v === null;

function comparable(b: unknown): boolean {
  if (isPrimitive(b)) return true;
  try {
    void Number(b);
    return true;
  } catch {
    return false;
  }
}

/** A relational operator as json-rules-engine has it; only a comparison with an object pays for the guards. */
function relational(name: string, test: (a: number, b: number) => boolean): OperatorDefinition {
  const guarded = (a: unknown, b: unknown): boolean =>
    comparable(b) && converted(name, () => test(a as number, b as number));
  return {
    cb: (a, b) => (isPrimitive(a) && isPrimitive(b) ? test(a as number, b as number) : guarded(a, b)),
    validator: numberValidator,
    specialise: (b) => {
      if (!comparable(b)) return (a) => numberValidator(a) && false;
      return isPrimitive(b)
        ? (a) => numberValidator(a) && (isPrimitive(a) ? test(a as number, b as number) : guarded(a, b))
        : (a) => numberValidator(a) && guarded(a, b);
    },
  };
}

const isList = (v: unknown): v is unknown[] | string => Array.isArray(v) || typeof v === 'string';

function operand(
  name: string,
  value: unknown,
  method: 'indexOf' | 'some' | 'every',
): { [m: string]: (...args: unknown[]) => unknown } {
  if (value === null || value === undefined || typeof (value as Record<string, unknown>)[method] !== 'function') {
    throw new JreError(
      'INVALID_OPERAND',
      `Operator ${name}: a ${value === null ? 'null' : typeof value} has no ${method}() (an array or string is needed)`,
    );
  }
  return value as { [m: string]: (...args: unknown[]) => unknown };
}

const isArray = (v: unknown): boolean => Array.isArray(v);

export const defaultOperators: Record<string, OperatorDefinition> = {
  equal: { cb: (a, b) => a === b, specialise: (b) => (a) => a === b },
  notEqual: { cb: (a, b) => a !== b, specialise: (b) => (a) => a !== b },
  in: {
    cb: (a, b) => (operand('in', b, 'indexOf').indexOf?.(a) as number) > -1,
    specialise: (b) => (isList(b) ? (a) => b.indexOf(a as string) > -1 : undefined),
  },
  notIn: {
    cb: (a, b) => operand('notIn', b, 'indexOf').indexOf?.(a) === -1,
    specialise: (b) => (isList(b) ? (a) => b.indexOf(a as string) === -1 : undefined),
  },
  contains: {
    cb: (a, b) => (a as unknown[]).indexOf(b) > -1,
    validator: isArray,
    specialise: (b) => (a) => Array.isArray(a) && a.indexOf(b) > -1,
  },
  doesNotContain: {
    cb: (a, b) => (a as unknown[]).indexOf(b) === -1,
    validator: isArray,
    specialise: (b) => (a) => Array.isArray(a) && a.indexOf(b) === -1,
  },
  lessThan: relational('lessThan', (a, b) => a < b),
  lessThanInclusive: relational('lessThanInclusive', (a, b) => a <= b),
  greaterThan: relational('greaterThan', (a, b) => a > b),
  greaterThanInclusive: relational('greaterThanInclusive', (a, b) => a >= b),
};

export const defaultDecorators: Record<string, DecoratorDefinition> = {
  someFact: { cb: (a, b, next) => (a as unknown[]).some((x) => next(x, b)), validator: isArray },
  everyFact: { cb: (a, b, next) => (a as unknown[]).every((x) => next(x, b)), validator: isArray },
  someValue: { cb: (a, b, next) => operand('someValue', b, 'some').some?.((y: unknown) => next(a, y)) },
  everyValue: { cb: (a, b, next) => operand('everyValue', b, 'every').every?.((y: unknown) => next(a, y)) },
  swap: { cb: (a, b, next) => next(b, a) },
  not: { cb: (a, b, next) => !next(a, b) },
};
