import type { JreAlmanac } from './almanac';
import type { CompiledRule, CompiledRules } from './compile-rules';
import type { ConditionView, Trace } from './condition-view';
import type { EngineEvent, EngineResult } from './jre-types';
import { materialize, RuleResult } from './rule-result';

/**
 * What run() resolves to. Events are there at once; rule results with their condition results are
 * built from the run's trace the first time they are read, so runs that only want events stay cheap.
 */
export class RunResult implements EngineResult {
  private built: { results: RuleResult[]; failureResults: RuleResult[] } | undefined;

  constructor(
    readonly events: EngineEvent[],
    readonly failureEvents: EngineEvent[],
    private readonly runAlmanac: JreAlmanac,
    private readonly compiled: CompiledRules,
    private readonly outcomes: readonly unknown[],
    /** Per rule when event params were filled in; otherwise each rule's own event. */
    private readonly ruleEvents: readonly EngineEvent[] | undefined,
    /** Undefined after an untraced run: the traced closures then run once more over the same facts. */
    private trace: Trace | undefined,
  ) {
    runAlmanac.run = this;
  }

  /** Results are built first, so a caller adding facts to the almanac cannot change them. */
  get almanac(): JreAlmanac {
    this.build();
    return this.runAlmanac;
  }

  private build(): { results: RuleResult[]; failureResults: RuleResult[] } {
    if (!this.built) {
      let trace = this.trace;
      if (!trace) {
        trace = this.trace = new Array<unknown>(this.compiled.traceSize);
        for (const c of this.compiled.ordered) c.test(this.runAlmanac, trace);
      }
      const results: RuleResult[] = [];
      const failureResults: RuleResult[] = [];
      this.compiled.ordered.forEach((c, i) => {
        if (i >= this.outcomes.length) return; // not evaluated: the run was stopped before its priority level
        const outcome = this.outcomes[i];
        const r = ruleResult(c, outcome, this.ruleEvents?.[i] ?? c.event, trace, this.compiled.sites);
        (outcome ? results : failureResults).push(r);
      });
      this.built = { results, failureResults };
    }
    return this.built;
  }

  get results(): RuleResult[] {
    return this.build().results;
  }

  get failureResults(): RuleResult[] {
    return this.build().failureResults;
  }

  toJSON(): Record<string, unknown> {
    return {
      events: this.events,
      failureEvents: this.failureEvents,
      results: this.results,
      failureResults: this.failureResults,
    };
  }
}

export function ruleResult(
  c: CompiledRule,
  outcome: unknown,
  event: EngineEvent,
  trace: Trace,
  sites: readonly ConditionView[],
): RuleResult {
  return new RuleResult(materialize(c.view, trace, sites), event, c.rule.priority, c.rule.name, outcome);
}
