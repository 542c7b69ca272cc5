import { paramsKey } from './copy-value';
import { defineFact, type FactDefinition } from './fact-definition';
import { JreError, undefinedFact } from './jre-error';
import type { EngineEvent, FactOptions } from './jre-types';
import type { RuleResult } from './rule-result';

const hasOwn = Object.prototype.hasOwnProperty;

function isThenable(value: unknown): boolean {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export interface AlmanacSetup {
  facts: ReadonlyMap<string, FactDefinition>;
  allowUndefinedFacts: boolean;
  resolvePath(value: object, path: string): unknown;
}

/**
 * The facts of one run: the run's own facts first, then the engine's, each dynamic fact computed at
 * most once per params (unless its cache is off). Synchronous throughout; `factValue` returns a
 * promise only for code written against json-rules-engine.
 */
export class JreAlmanac {
  private cache: Map<string, unknown> | undefined;
  /** Facts added during the run; read by compiled accessors, which take a shortcut while there are none. */
  added: Map<string, FactDefinition> | undefined;
  /** Set by the engine at the end of the run. */
  run:
    | { events: EngineEvent[]; failureEvents: EngineEvent[]; results: RuleResult[]; failureResults: RuleResult[] }
    | undefined;

  constructor(
    private readonly setup: AlmanacSetup,
    readonly runtime: Readonly<Record<string, unknown>>,
    private readonly trace: unknown[] = [],
    private readonly memoSlots: readonly number[] = [],
  ) {}

  /** The value a condition sees; `key` is paramsKey(params), computed once when the rule is compiled. */
  value(id: string, params: unknown, key: string): unknown {
    let fact: FactDefinition | undefined = this.added?.get(id);
    if (fact === undefined) {
      if (hasOwn.call(this.runtime, id)) {
        const v = this.runtime[id];
        if (typeof v !== 'function') return v;
        fact = defineFact(id, v);
      } else {
        fact = this.setup.facts.get(id);
        if (fact === undefined) {
          if (this.setup.allowUndefinedFacts) return undefined;
          throw undefinedFact(id);
        }
      }
    }
    if (fact.constant) return fact.value;
    const cacheKey = fact.cache ? `${id}\u0000${key}` : undefined;
    if (cacheKey !== undefined && this.cache?.has(cacheKey)) return this.cache.get(cacheKey);
    const computed = (fact.compute as NonNullable<FactDefinition['compute']>)(
      (params === undefined ? {} : params) as Record<string, unknown>,
      this,
    );
    if (isThenable(computed)) {
      throw new JreError(
        'ASYNC_FACT',
        `Engine: fact "${id}" returned a promise; facts must be synchronous (see docs/rules.md)`,
      );
    }
    if (cacheKey !== undefined) (this.cache ??= new Map()).set(cacheKey, computed);
    return computed;
  }

  /** json-rules-engine's almanac.factValue, synchronously. */
  factValueSync(id: string, params: Record<string, unknown> = {}, path = ''): unknown {
    const v = this.value(id, params, paramsKey(params));
    return path && v !== null && typeof v === 'object' ? this.setup.resolvePath(v, path) : v;
  }

  factValue(id: string, params: Record<string, unknown> = {}, path = ''): Promise<unknown> {
    try {
      return Promise.resolve(this.factValueSync(id, params, path));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  addFact(id: string, valueOrMethod: unknown, options?: FactOptions): this {
    const fact = defineFact(id, valueOrMethod, options);
    (this.added ??= new Map()).set(fact.id, fact);
    for (const key of [...(this.cache?.keys() ?? [])]) if (key.startsWith(`${fact.id}\u0000`)) this.cache?.delete(key);
    this.forgetOutcomes();
    return this;
  }

  /** Named-condition outcomes remembered in this run rest on the facts as they were: forget them. */
  forgetOutcomes(): void {
    for (const slot of this.memoSlots) delete this.trace[slot];
  }

  /** @deprecated in json-rules-engine too: use addFact. */
  addRuntimeFact(id: string, value: unknown): void {
    this.addFact(id, value);
  }

  getEvents(outcome: '' | 'success' | 'failure' = ''): EngineEvent[] {
    const success = this.run?.events ?? [];
    const failure = this.run?.failureEvents ?? [];
    return outcome === 'success' ? success : outcome === 'failure' ? failure : [...success, ...failure];
  }

  getResults(): RuleResult[] {
    return this.run ? [...this.run.results, ...this.run.failureResults] : [];
  }
}
