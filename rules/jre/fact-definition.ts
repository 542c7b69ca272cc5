import { JreError } from './jre-error';
import { parsePriority } from './parse-priority';
import type { DynamicFact, FactOptions } from './jre-types';

/** A fact known to the engine or added during a run: a constant, or a synchronous function. */
export interface FactDefinition {
  id: string;
  constant: boolean;
  value: unknown;
  compute?: DynamicFact;
  cache: boolean;
  priority: number;
}

export function defineFact(id: unknown, valueOrMethod: unknown, options?: FactOptions): FactDefinition {
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
