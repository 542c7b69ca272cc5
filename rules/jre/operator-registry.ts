import {
  defaultDecorators,
  defaultOperators,
  type DecoratorDefinition,
  type OperatorDefinition,
} from './default-operators';
import { JreError } from './jre-error';
import type { DecoratorCallback, OperatorCallback } from './jre-types';
import type { Operator } from './operator';
import type { OperatorDecorator } from './operator-decorator';

/** An operator with its validator applied: what a condition calls. */
export type Evaluator = (factValue: unknown, jsonValue: unknown) => unknown;

function withValidator(definition: OperatorDefinition | DecoratorDefinition, body: Evaluator): Evaluator {
  const { validator } = definition;
  return validator ? (a, b) => validator(a) && body(a, b) : body;
}

/**
 * Operators and decorators of one engine. A name like `not:someFact:equal` is resolved as
 * json-rules-engine does: an exact operator name wins, otherwise decorators are peeled off from the
 * left, and the decorated operator is kept under its full name until either part is removed.
 */
export class OperatorRegistry {
  private readonly operators = new Map<string, Evaluator>();
  private readonly decorators = new Map<string, DecoratorDefinition>();
  /** Evaluators built only from json-rules-engine's own operators and decorators: pure functions. */
  private readonly builtIn = new WeakSet<Evaluator>();
  private readonly specialisations = new WeakMap<Evaluator, NonNullable<OperatorDefinition['specialise']>>();

  constructor() {
    for (const [name, d] of Object.entries(defaultOperators)) {
      this.addOperator(name, d.cb, d.validator);
      const evaluator = this.operators.get(name) as Evaluator;
      this.builtIn.add(evaluator);
      if (d.specialise) this.specialisations.set(evaluator, d.specialise);
    }
    for (const [name, d] of Object.entries(defaultDecorators)) this.decorators.set(name, d);
  }

  isBuiltIn(evaluator: Evaluator): boolean {
    return this.builtIn.has(evaluator);
  }

  /** A one-argument test for a built-in operator and a constant value, when one exists. */
  specialise(evaluator: Evaluator, value: unknown): ((factValue: unknown) => unknown) | undefined {
    return this.specialisations.get(evaluator)?.(value);
  }

  addOperator(name: unknown, cb: unknown, validator?: (v: unknown) => boolean): void {
    if (!name) throw new JreError('INVALID_OPERAND', 'Missing operator name');
    if (typeof cb !== 'function') throw new JreError('INVALID_OPERAND', 'Missing operator callback');
    const callback = cb as OperatorCallback;
    this.operators.set(
      // json-rules-engine keys operators by String(name), objects included: the same conversion.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      String(name),
      withValidator({ cb: callback, validator }, (a, b) => callback(a, b)),
    );
  }

  /** An Operator instance: its own evaluate (validator, then callback) is what a condition calls. */
  addOperatorInstance(operator: Operator): void {
    this.operators.set(operator.name, (a, b) => operator.evaluate(a, b));
  }

  /** An OperatorDecorator instance: its callback and validator, as its decorate() would combine them. */
  addDecoratorInstance(decorator: OperatorDecorator): void {
    this.decorators.set(decorator.name, {
      cb: (a, b, next) => decorator.cb(a, b, next),
      validator: (v) => decorator.factValueValidator(v) as boolean,
    });
  }

  removeOperator(name: string): boolean {
    for (const key of [...this.operators.keys()]) if (key.endsWith(`:${name}`)) this.operators.delete(key);
    return this.operators.delete(name);
  }

  addDecorator(name: unknown, cb: unknown, validator?: (v: unknown) => boolean): void {
    if (!name) throw new JreError('INVALID_OPERAND', 'Missing decorator name');
    if (typeof cb !== 'function') throw new JreError('INVALID_OPERAND', 'Missing decorator callback');
    // json-rules-engine keys decorators by String(name), objects included: the same conversion.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    this.decorators.set(String(name), { cb: cb as DecoratorCallback, validator });
  }

  removeDecorator(name: string): boolean {
    for (const key of [...this.operators.keys()]) if (key.includes(`${name}:`)) this.operators.delete(key);
    return this.decorators.delete(name);
  }

  /** The evaluator for a (possibly decorated) operator name, or undefined when it cannot be built. */
  get(name: string): Evaluator | undefined {
    const decorators: Array<{ name: string; definition: DecoratorDefinition }> = [];
    let rest = name;
    while (!this.operators.has(rest)) {
      const colon = rest.indexOf(':');
      if (colon <= 0) return undefined;
      const decoratorName = rest.slice(0, colon);
      const definition = this.decorators.get(decoratorName);
      if (!definition) return undefined;
      decorators.unshift({ name: decoratorName, definition });
      rest = rest.slice(colon + 1);
    }
    let evaluator = this.operators.get(rest) as Evaluator;
    for (const { name: decoratorName, definition } of decorators) {
      const next = evaluator;
      const { cb } = definition;
      evaluator = withValidator(definition, (a, b) => cb(a, b, next));
      if (
        this.builtIn.has(next) &&
        Object.prototype.hasOwnProperty.call(defaultDecorators, decoratorName) &&
        defaultDecorators[decoratorName] === definition
      )
        this.builtIn.add(evaluator);
      rest = `${decoratorName}:${rest}`;
      this.operators.set(rest, evaluator);
    }
    return evaluator;
  }
}
