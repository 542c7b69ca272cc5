import { JreAlmanac } from './almanac';
import type { CompiledRules } from './compile-rules';
import { setOwn } from './copy-value';
import { Fact } from './fact';
import { defineFact, type FactDefinition } from './fact-definition';
import { JreError } from './jre-error';
import type { EventHandler } from './jre-types';
import type { RunResult } from './run-result';
import { runWithHandlers } from './run-with-handlers';

export interface AlmanacRunSetup {
  facts: Iterable<FactDefinition>;
  compile: () => CompiledRules;
  /** Marks the engine running (after the almanac is accepted, as json-rules-engine sets its status first). */
  start: () => void;
  handlers: ReadonlyMap<string, EventHandler[]>;
  stopped: () => boolean;
}

/**
 * `run(facts, { almanac })`: as json-rules-engine does, the engine's facts and then the run's are added
 * to the caller's almanac through its own addFact, and every read goes through its factValue/getValue
 * (rules compiled for that, see JreAlmanac.read). One almanac serves one run.
 */
export function runWithAlmanac(
  almanac: unknown,
  runtime: Record<string, unknown>,
  setup: AlmanacRunSetup,
): Promise<RunResult> {
  if (!(almanac instanceof JreAlmanac))
    return Promise.reject(new JreError('INVALID_ALMANAC', 'Engine: run() options.almanac must be an Almanac'));
  if (almanac.run !== undefined || almanac.answers !== undefined)
    return Promise.reject(
      new JreError('INVALID_ALMANAC', 'Engine: an almanac serves one run; pass a new Almanac to each run()'),
    );
  const compiled = setup.compile();
  setup.start();
  try {
    for (const fact of setup.facts) almanac.addFact(fact.fact ?? fact.id, fact.value);
    for (const id of Object.keys(runtime)) {
      const value = runtime[id];
      almanac.addFact(value instanceof Fact ? value : new Fact(id, value));
    }
  } catch (error) {
    return Promise.reject(error);
  }
  const trace: unknown[] = new Array(compiled.traceSize);
  almanac.attachTrace(trace);
  almanac.answers = { values: [], next: 0 };
  return runWithHandlers(compiled, almanac, trace, setup.handlers, setup.stopped, true);
}

/**
 * Facts given to run() as Fact instances, which json-rules-engine files under the Fact's own id, in
 * the order given (a later one replaces an earlier one of the same id). Undefined when there are none.
 */
export function factInstances(
  runtime: Record<string, unknown>,
): { plain: Record<string, unknown>; facts: Map<string, FactDefinition> } | undefined {
  let found = false;
  for (const id of Object.keys(runtime))
    if (runtime[id] instanceof Fact) {
      found = true;
      break;
    }
  if (!found) return undefined;
  const plain: Record<string, unknown> = {};
  const facts = new Map<string, FactDefinition>();
  for (const id of Object.keys(runtime)) {
    const value = runtime[id];
    if (value instanceof Fact) {
      facts.set(value.id, defineFact(value));
      delete plain[value.id];
    } else {
      setOwn(plain, id, value);
      facts.delete(id);
    }
  }
  return { plain, facts };
}
