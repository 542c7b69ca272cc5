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
    readonly almanac: JreAlmanac,
    private readonly compiled: CompiledRules,
    private readonly outcomes: readonly unknown[],
    private readonly ruleEvents: readonly EngineEvent[],
    private readonly trace: Trace,
  ) {
    almanac.events = { success: events, failure: failureEvents };
  }

  private build(): { results: RuleResult[]; failureResults: RuleResult[] } {
    if (!this.built) {
      const results: RuleResult[] = [];
      const failureResults: RuleResult[] = [];
      this.compiled.ordered.forEach((c, i) => {
        const outcome = this.outcomes[i];
        const r = ruleResult(c, outcome, this.ruleEvents[i] as EngineEvent, this.trace, this.compiled.sites);
        (outcome ? results : failureResults).push(r);
      });
      this.built = { results, failureResults };
      this.almanac.results = [...results, ...failureResults];
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
    return { events: this.events, failureEvents: this.failureEvents, results: this.results, failureResults: this.failureResults };
  }
}

export function ruleResult(c: CompiledRule, outcome: unknown, event: EngineEvent, trace: Trace, sites: readonly ConditionView[]): RuleResult {
  return new RuleResult(materialize(c.view, trace, sites), event, c.rule.priority, c.rule.name, outcome);
}
