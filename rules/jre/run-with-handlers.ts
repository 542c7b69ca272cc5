import { PendingRead, type JreAlmanac } from './almanac';
import type { CompiledRule, CompiledRules } from './compile-rules';
import type { Trace } from './condition-view';
import type { EngineEvent, EventHandler } from './jre-types';
import { RunResult, ruleResult } from './run-result';

/**
 * One rule in a run given an almanac whose factValue/getValue may answer with a promise. The compiled
 * rule is synchronous: a read that has no answer yet stops it (PendingRead); the answer is awaited and
 * the rule is evaluated again from its start, each read taking the answer given at its turn. Evaluation
 * is deterministic given the answers, so every read is asked once, in json-rules-engine's order.
 */
async function evaluateAnswered(
  rule: CompiledRule,
  almanac: JreAlmanac,
  trace: Trace,
): Promise<{ outcome: unknown; event: EngineEvent }> {
  const answers = { values: [] as NonNullable<JreAlmanac['answers']>['values'], next: 0 };
  almanac.answers = answers;
  for (;;) {
    answers.next = 0;
    try {
      const outcome = rule.test(almanac, trace);
      const event = rule.resolveEvent ? rule.resolveEvent(almanac) : rule.event;
      return { outcome, event };
    } catch (error) {
      if (!(error instanceof PendingRead)) throw error;
      try {
        answers.values.push({ ok: true, value: await error.request() });
      } catch (failure) {
        answers.values.push({ ok: false, error: failure });
      }
    }
  }
}

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
  /** The almanac was passed to run(): reads go through its factValue/getValue and may wait. */
  answered = false,
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
      let outcome: unknown;
      let event: EngineEvent;
      if (answered) ({ outcome, event } = await evaluateAnswered(rule, almanac, trace));
      else {
        outcome = rule.test(almanac, trace);
        event = rule.resolveEvent ? rule.resolveEvent(almanac) : rule.event;
      }
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
      if (rule.rule.emitter) await rule.rule.emitter.emitAsync(outcome ? 'success' : 'failure', event, almanac, result);
      for (const handler of handlers.get(outcome ? 'success' : 'failure') ?? []) await handler(event, almanac, result);
      if (outcome)
        for (const handler of handlers.get(String(event.type)) ?? [])
          await handler(event.params as unknown as EngineEvent, almanac, result);
    }
  }
  almanac.answers = undefined;
  return new RunResult(events, failureEvents, almanac, compiled, outcomes, ruleEvents, trace);
}
