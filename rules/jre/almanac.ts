import { hasOwn, paramsKey } from './copy-value';
import { defineFact, type FactDefinition } from './fact-definition';
import { compileJsonPath, type CompiledPath } from './json-path';
import { JreError, undefinedFact } from './jre-error';
import type { EngineEvent, FactOptions } from './jre-values';
import type { RuleResult } from './rule-result';

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

/** json-rules-engine's Almanac options: used when an almanac is passed to run() (the engine's own are then not). */
export interface AlmanacOptions {
  allowUndefinedFacts?: boolean;
  pathResolver?: (value: object, path: string) => unknown;
}

const NO_FACTS: ReadonlyMap<string, FactDefinition> = new Map();
const NO_RUNTIME: Readonly<Record<string, unknown>> = Object.freeze({});
/** Compiled default paths of almanacs made by callers; bounded, since paths come from rules. */
const PATHS = new Map<string, CompiledPath>();
const MAX_PATHS = 1000;

function defaultResolvePath(value: object, path: string): unknown {
  let compiled = PATHS.get(path);
  if (!compiled) {
    if (PATHS.size >= MAX_PATHS) PATHS.clear();
    PATHS.set(path, (compiled = compileJsonPath(path)));
  }
  return compiled(value);
}

/** A read that an overridden factValue/getValue must answer: the run awaits it, then evaluates the rule again. */
export class PendingRead {
  constructor(readonly request: () => unknown) {}
}

/** The answers a caller's almanac gave within the evaluation of one rule, in the order they were read. */
export interface Answers {
  values: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  next: number;
}

/** The params a fact function receives: a copy, as json-rules-engine copies a rule's conditions per run. */
function paramsCopy(params: unknown): unknown {
  if (params === null || typeof params !== 'object') return params;
  try {
    return structuredClone(params);
  } catch {
    return params;
  }
}

/**
 * The facts of one run: the run's own facts first, then the engine's, each dynamic fact computed at
 * most once per params (unless its cache is off). Synchronous throughout; `factValue` returns a
 * promise only for code written against json-rules-engine.
 *
 * `new Almanac(options)` (json-rules-engine's constructor) makes one to pass to
 * `engine.run(facts, { almanac })`: it may hold facts added beforehand, uses its own options, and a
 * subclass may override `factValue` or `getValue` (promises welcome); see docs/rules.md.
 */
export class JreAlmanac {
  private cache: Map<string, unknown> | undefined;
  private setup: AlmanacSetup;
  runtime: Readonly<Record<string, unknown>> = NO_RUNTIME;
  private trace: unknown[] = [];
  private memoSlots: readonly number[] = [];
  /** Facts added during the run; read by compiled accessors, which take a shortcut while there are none. */
  added: Map<string, FactDefinition> | undefined;
  /** Set by the engine while this almanac, passed to run(), answers the conditions' reads. */
  answers: Answers | undefined;
  /** Set by the engine at the end of the run. */
  run:
    | { events: EngineEvent[]; failureEvents: EngineEvent[]; results: RuleResult[]; failureResults: RuleResult[] }
    | undefined;

  constructor(options: AlmanacOptions = {}) {
    const resolver = options?.pathResolver;
    this.setup = {
      facts: NO_FACTS,
      allowUndefinedFacts: Boolean(options?.allowUndefinedFacts),
      resolvePath: typeof resolver === 'function' ? (value, path) => resolver(value, path) : defaultResolvePath,
    };
  }

  /** The almanac of a run the engine makes itself: the engine's facts and options, the run's facts as given. */
  static forRun(
    setup: AlmanacSetup,
    runtime: Readonly<Record<string, unknown>>,
    trace: unknown[] = [],
    memoSlots: readonly number[] = [],
  ): JreAlmanac {
    const almanac = new JreAlmanac();
    almanac.setup = setup;
    almanac.runtime = runtime;
    almanac.trace = trace;
    almanac.memoSlots = memoSlots;
    return almanac;
  }

  /** The trace of a run given this almanac; the engine sets it before the run. */
  attachTrace(trace: unknown[]): void {
    this.trace = trace;
    this.memoSlots = [];
  }

  /** The value a condition sees; `key` is paramsKey(params), computed once when the rule is compiled. */
  value(id: string, params: unknown, key: string): unknown {
    let fact: FactDefinition | undefined = this.added?.get(id);
    if (fact === undefined) {
      if (Object.hasOwn(this.runtime, id)) {
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
      return Promise.reject(error);
    }
  }

  /** json-rules-engine's almanac.getValue: a `{ fact, params?, path? }` is read, anything else is itself. */
  getValue(value: unknown): Promise<unknown> {
    if (value !== null && typeof value === 'object' && hasOwn(value, 'fact')) {
      const ref = value as { fact: string; params?: Record<string, unknown>; path?: string };
      return this.factValue(ref.fact, ref.params, ref.path);
    }
    return Promise.resolve(value);
  }

  /** A condition's read in a run given this almanac: through factValue, as json-rules-engine reads. */
  read(id: string, params: unknown, path: unknown): unknown {
    const copy = paramsCopy(params) as Record<string, unknown> | undefined;
    // With either method overridden every read waits its turn, so no fact is computed more often than there.
    if (this.factValue === JreAlmanac.prototype.factValue && this.getValue === JreAlmanac.prototype.getValue)
      return this.factValueSync(id, copy, path as string);
    return this.answer(() => this.factValue(id, copy, path as string));
  }

  /** A condition's value in a run given this almanac: through getValue, as json-rules-engine reads. */
  readValue(value: unknown): unknown {
    if (this.getValue === JreAlmanac.prototype.getValue) {
      if (value === null || typeof value !== 'object' || !hasOwn(value, 'fact')) return value;
      const ref = value as { fact: string; params?: unknown; path?: unknown };
      return this.read(ref.fact, ref.params, ref.path);
    }
    return this.answer(() => this.getValue(paramsCopy(value)));
  }

  private answer(request: () => unknown): unknown {
    const answers = this.answers;
    if (answers === undefined) throw new JreError('INVALID_ALMANAC', 'Engine: this almanac is not in a run');
    const i = answers.next++;
    const given = answers.values[i];
    // A signal to the run, not an error: no stack to capture on this hot path (run-with-handlers catches it).
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (given === undefined) throw new PendingRead(request);
    if (given.ok) return given.value;
    throw given.error;
  }

  /** A fact by id, value or function and options, or a Fact (json-rules-engine's two forms). */
  addFact(id: unknown, valueOrMethod?: unknown, options?: FactOptions): this {
    const fact = defineFact(id, valueOrMethod, options);
    (this.added ??= new Map()).set(fact.id, fact);
    for (const key of [...(this.cache?.keys() ?? [])]) if (key.startsWith(`${fact.id}\u0000`)) this.cache?.delete(key);
    this.forgetOutcomes();
    return this;
  }

  /** Named-condition outcomes remembered in this run rest on the facts as they were: forget them. */
  forgetOutcomes(): void {
    // A hole, not undefined: `slot in trace` is how a result tells an evaluated condition (rule-result.ts).
    // eslint-disable-next-line @typescript-eslint/no-array-delete
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
