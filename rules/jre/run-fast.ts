import { JreAlmanac, type AlmanacSetup } from './almanac';
import type { CompiledRules } from './compile-rules';
import type { EngineEvent } from './jre-types';
import { RunResult } from './run-result';

const NO_MEMO: unknown[] = [];

/** A run that gives a fact the conditions read as a function must trace: the function may throw or count its calls. */
export function givesFunctions(runtime: Readonly<Record<string, unknown>>, factIds: readonly string[]): boolean {
  for (const id of factIds) if (typeof runtime[id] === 'function' && Object.hasOwn(runtime, id)) return true;
  return false;
}

/** The untraced run (see compile-fast): outcomes and events now, rule results traced when first read. */
export function runFast(
  compiled: CompiledRules,
  fast: NonNullable<CompiledRules['fast']>,
  setup: AlmanacSetup,
  runtime: Readonly<Record<string, unknown>>,
): Promise<RunResult> {
  try {
    const almanac = JreAlmanac.forRun(setup, runtime);
    const { ordered } = compiled;
    const { tests } = fast;
    const memo = fast.memoSize > 0 ? new Array<unknown>(fast.memoSize) : NO_MEMO;
    const outcomes = new Array<unknown>(ordered.length);
    const ruleEvents = compiled.resolvesEvents ? new Array<EngineEvent>(ordered.length) : undefined;
    const events: EngineEvent[] = [];
    const failureEvents: EngineEvent[] = [];
    for (let i = 0; i < ordered.length; i++) {
      const rule = ordered[i] as (typeof ordered)[number];
      const outcome = (tests[i] as (typeof tests)[number])(almanac, memo);
      const event = rule.resolveEvent ? rule.resolveEvent(almanac) : rule.event;
      outcomes[i] = outcome;
      if (ruleEvents) ruleEvents[i] = event;
      (outcome ? events : failureEvents).push(event);
    }
    return Promise.resolve(new RunResult(events, failureEvents, almanac, compiled, outcomes, ruleEvents, undefined));
  } catch (error) {
    return Promise.reject(error);
  }
}
