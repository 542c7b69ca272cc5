import { paramsKey } from './copy-value';
import { JreError } from './jre-error';
import type { FactCallback as DynamicFact, FactOptions } from './jre-values';
import { parsePriority } from './parse-priority';

/**
 * json-rules-engine's Fact, to pass to `engine.addFact(fact)`, `almanac.addFact(fact)` or as a run
 * fact: an id with a constant value or a synchronous function of (params, almanac), and options
 * (`cache`, default true; `priority`, default 1). Same constructor and fields as there.
 */
export class Fact<T = unknown> {
  static readonly CONSTANT = 'CONSTANT';
  static readonly DYNAMIC = 'DYNAMIC';

  readonly id: string;
  readonly type: 'CONSTANT' | 'DYNAMIC';
  readonly priority: number;
  readonly options: FactOptions & { cache: boolean };
  value?: T;
  calculationMethod?: DynamicFact<T>;

  constructor(id: string, valueOrMethod: T | DynamicFact<T>, options?: FactOptions) {
    this.id = id;
    if (typeof valueOrMethod === 'function') {
      this.calculationMethod = valueOrMethod as DynamicFact<T>;
      this.type = Fact.DYNAMIC;
    } else {
      this.value = valueOrMethod;
      this.type = Fact.CONSTANT;
    }
    if (!this.id) throw new JreError('INVALID_FACT', 'factId required');
    const given = options ?? { cache: true };
    this.priority = parsePriority(given.priority || 1, 'Fact');
    this.options = { cache: true, ...given };
  }

  isConstant(): boolean {
    return this.type === Fact.CONSTANT;
  }

  isDynamic(): boolean {
    return this.type === Fact.DYNAMIC;
  }

  /** The value for these params: the constant, or the function's result. */
  calculate(params: Record<string, unknown>, almanac: Parameters<DynamicFact>[1]): unknown {
    if (Object.prototype.hasOwnProperty.call(this, 'value')) return this.value;
    return (this.calculationMethod as DynamicFact<T>)(params, almanac);
  }

  /** The key a run caches this fact's value under, or undefined when its cache is off. */
  getCacheKey(params: unknown): string | undefined {
    return this.options.cache === true ? `${this.id}\u0000${paramsKey(params)}` : undefined;
  }
}
