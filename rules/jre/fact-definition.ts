import { Fact } from './fact';
import { JreError } from './jre-error';
import { parsePriority } from './parse-priority';
import type { FactCallback as DynamicFact, FactOptions } from './jre-values';

/** A fact known to the engine or added during a run: a constant, or a synchronous function. */
export interface FactDefinition {
  id: string;
  constant: boolean;
  value: unknown;
  compute?: DynamicFact;
  cache: boolean;
  priority: number;
  /** The Fact it was made from, when a caller passed one (engine.getFact returns it). */
  fact?: Fact;
}

/** A Fact instance as the engine reads it; a subclass's own `calculate` is honoured. */
function fromFact(fact: Fact): FactDefinition {
  const ownCalculate = fact.calculate !== Fact.prototype.calculate;
  const constant = fact.isConstant() && !ownCalculate;
  return {
    id: fact.id,
    constant,
    value: constant ? fact.value : undefined,
    compute: constant
      ? undefined
      : ownCalculate
        ? (params, almanac) => fact.calculate(params, almanac)
        : fact.calculationMethod,
    // json-rules-engine never caches a constant fact's calculate(), even a subclass's own.
    cache: fact.isConstant() && ownCalculate ? false : fact.options.cache === true,
    priority: fact.priority,
    fact,
  };
}

export function defineFact(id: unknown, valueOrMethod?: unknown, options?: FactOptions): FactDefinition {
  if (id instanceof Fact) return fromFact(id);
  if (!id) throw new JreError('INVALID_FACT', 'factId required');
  const opts = options ?? { cache: true };
  const dynamic = typeof valueOrMethod === 'function';
  return {
    id: id as string,
    constant: !dynamic,
    value: dynamic ? undefined : valueOrMethod,
    compute: dynamic ? (valueOrMethod as DynamicFact) : undefined,
    cache: opts.cache === undefined ? true : opts.cache === true,
    priority: parsePriority(opts.priority || 1, 'Fact'),
  };
}
