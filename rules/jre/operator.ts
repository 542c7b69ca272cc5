import { JreError } from './jre-error';

/** The name as json-rules-engine's String(name); a name that cannot become text is a coded error, not a TypeError. */
export function operatorName(name: unknown, what: 'operator' | 'decorator'): string {
  try {
    return String(name);
  } catch {
    throw new JreError('INVALID_OPERAND', `Missing ${what} name`);
  }
}

/**
 * json-rules-engine's Operator, to pass to `engine.addOperator(operator)` and `removeOperator`: a name,
 * a callback (factValue, jsonValue) and an optional validator of the fact's value, which must hold
 * before the callback is asked. Same constructor, fields and `evaluate` as there.
 */
export class Operator<A = unknown, B = unknown> {
  readonly name: string;
  readonly cb: (factValue: A, jsonValue: B) => unknown;
  readonly factValueValidator: (factValue: A) => unknown;

  constructor(
    name: string,
    cb: (factValue: A, jsonValue: B) => unknown,
    factValueValidator?: (factValue: A) => unknown,
  ) {
    this.name = operatorName(name, 'operator');
    if (!name) throw new JreError('INVALID_OPERAND', 'Missing operator name');
    if (typeof cb !== 'function') throw new JreError('INVALID_OPERAND', 'Missing operator callback');
    this.cb = cb;
    this.factValueValidator = factValueValidator ?? (() => true);
  }

  evaluate(factValue: A, jsonValue: B): unknown {
    return this.factValueValidator(factValue) && this.cb(factValue, jsonValue);
  }
}
