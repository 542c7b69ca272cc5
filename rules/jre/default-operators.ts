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
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
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
  lessThan: {
    cb: (a, b) => (a as number) < (b as number),
    validator: numberValidator,
    specialise: (b) => (a) => numberValidator(a) && (a as number) < (b as number),
  },
  lessThanInclusive: {
    cb: (a, b) => (a as number) <= (b as number),
    validator: numberValidator,
    specialise: (b) => (a) => numberValidator(a) && (a as number) <= (b as number),
  },
  greaterThan: {
    cb: (a, b) => (a as number) > (b as number),
    validator: numberValidator,
    specialise: (b) => (a) => numberValidator(a) && (a as number) > (b as number),
  },
  greaterThanInclusive: {
    cb: (a, b) => (a as number) >= (b as number),
    validator: numberValidator,
    specialise: (b) => (a) => numberValidator(a) && (a as number) >= (b as number),
  },
};

export const defaultDecorators: Record<string, DecoratorDefinition> = {
  someFact: { cb: (a, b, next) => (a as unknown[]).some((x) => next(x, b)), validator: isArray },
  everyFact: { cb: (a, b, next) => (a as unknown[]).every((x) => next(x, b)), validator: isArray },
  someValue: { cb: (a, b, next) => operand('someValue', b, 'some').some?.((y: unknown) => next(a, y)) },
  everyValue: { cb: (a, b, next) => operand('everyValue', b, 'every').every?.((y: unknown) => next(a, y)) },
  swap: { cb: (a, b, next) => next(b, a) },
  not: { cb: (a, b, next) => !next(a, b) },
};
