import { builtinOperators } from './builtin-operators';
import { dateOperators } from './date-operators';
import type { OperatorSpec } from './operator-spec';

/** The one place operators are registered; both evaluation paths read it. */
export const operators = { ...builtinOperators, ...dateOperators } as const satisfies Record<string, OperatorSpec>;

export type OperatorName = keyof typeof operators;

export function isOperatorName(name: string): name is OperatorName {
  return Object.prototype.hasOwnProperty.call(operators, name);
}

export function operatorSpec(name: string): OperatorSpec | undefined {
  return isOperatorName(name) ? operators[name] : undefined;
}

/** Operators json-rules-engine lacks; the reference engine registers these. */
export const customOperatorNames = (Object.keys(operators) as OperatorName[]).filter((n) => !operators[n].builtin);
