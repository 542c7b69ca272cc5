import { JreError } from './jre-error';
import { Operator, operatorName } from './operator';

type Next = (factValue: unknown, jsonValue: unknown) => unknown;

/**
 * json-rules-engine's OperatorDecorator, to pass to `engine.addOperatorDecorator(decorator)` and
 * `removeOperatorDecorator`: a name, a callback (factValue, jsonValue, next) and an optional validator
 * of the fact's value. Same constructor, fields and `decorate` as there.
 */
export class OperatorDecorator<A = unknown, B = unknown> {
  readonly name: string;
  readonly cb: (factValue: A, jsonValue: B, next: Next) => unknown;
  readonly factValueValidator: (factValue: A) => unknown;

  constructor(
    name: string,
    cb: (factValue: A, jsonValue: B, next: Next) => unknown,
    factValueValidator?: (factValue: A) => unknown,
  ) {
    this.name = operatorName(name, 'decorator');
    if (!name) throw new JreError('INVALID_OPERAND', 'Missing decorator name');
    if (typeof cb !== 'function') throw new JreError('INVALID_OPERAND', 'Missing decorator callback');
    this.cb = cb;
    this.factValueValidator = factValueValidator ?? (() => true);
  }

  /** The operator `name:operator.name`: this callback around the operator's evaluate. */
  decorate(operator: Operator<A, B>): Operator<A, B> {
    const next = operator.evaluate.bind(operator) as Next;
    return new Operator(`${this.name}:${operator.name}`, (a, b) => this.cb(a, b, next), this.factValueValidator);
  }
}
