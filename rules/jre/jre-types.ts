import type { JreAlmanac } from './almanac';
import type { EngineEvent, FactCallback } from './jre-values';
import type { RuleResult } from './rule-result';

export type { DecoratorCallback, EngineEvent, EngineOptions, FactOptions, OperatorCallback } from './jre-values';

/** A fact that is computed when a condition first needs it. Synchronous: see docs/rules.md. */
export type DynamicFact<T = unknown> = FactCallback<T, JreAlmanac>;

/** run()'s second argument: an almanac made for this run (json-rules-engine's `{ almanac }`). */
export interface RunOptions {
  almanac?: JreAlmanac;
}

export type EventHandler = (event: EngineEvent, almanac: JreAlmanac, ruleResult: RuleResult) => void | Promise<void>;

/** A rule as json-rules-engine takes it (the JSON model; `conditions` is checked when added). */
export interface RuleProperties {
  conditions: object;
  event: { type: string; params?: object } | object;
  name?: unknown;
  priority?: number | string;
  onSuccess?: EventHandler;
  onFailure?: EventHandler;
}

export interface EngineResult {
  events: EngineEvent[];
  failureEvents: EngineEvent[];
  results: RuleResult[];
  failureResults: RuleResult[];
  almanac: JreAlmanac;
}
