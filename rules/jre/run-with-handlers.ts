import type { JreAlmanac } from './almanac';
import type { CompiledRules } from './compile-rules';
import type { Trace } from './condition-view';
import type { EngineEvent, EventHandler } from './jre-types';
import { RunResult, ruleResult } from './run-result';

/**
 * The run when someone listens (engine.on, or a rule's onSuccess/onFailure). A priority level is
 * evaluated, then its handlers are called and awaited in rule order, so a handler that adds a fact to
 * the almanac is seen by lower priorities, as in json-rules-engine's rule chaining.
 */
export async function runWithHandlers(
  compiled: CompiledRules,
  almanac: JreAlmanac,
  trace: Trace,
  handlers: ReadonlyMap<string, EventHandler[]>,
  stopped: () => boolean = () => false,
): Promise<RunResult> {
  const outcomes: unknown[] = [];
  const ruleEvents: EngineEvent[] = [];
  const events: EngineEvent[] = [];
  const failureEvents: EngineEvent[] = [];
  let index = 0;
  for (const level of compiled.levels) {
    if (stopped()) break; // engine.stop() in a handler: lower priority levels are not evaluated
    const start = index;
    for (const rule of level) {
      const outcome = rule.test(almanac, trace);
      const event = rule.resolveEvent ? rule.resolveEvent(almanac) : rule.event;
      outcomes.push(outcome);
      ruleEvents.push(event);
      (outcome ? events : failureEvents).push(event);
      index++;
    }
    for (let i = start; i < index; i++) {
      const rule = compiled.ordered[i] as CompiledRules['ordered'][number];
      const outcome = outcomes[i];
      const event = ruleEvents[i] as EngineEvent;
      const result = ruleResult(rule, outcome, event, trace, compiled.sites);
      const own = outcome ? rule.rule.onSuccess : rule.rule.onFailure;
      if (own) await own(event, almanac, result);
      for (const handler of handlers.get(outcome ? 'success' : 'failure') ?? []) await handler(event, almanac, result);
      if (outcome)
        for (const handler of handlers.get(String(event.type)) ?? [])
          await handler(event.params as unknown as EngineEvent, almanac, result);
    }
  }
  return new RunResult(events, failureEvents, almanac, compiled, outcomes, ruleEvents, trace);
}
