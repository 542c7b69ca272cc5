import type { JreAlmanac } from './almanac';
import type { RuleResult } from './rule-result';

/** A fact that is computed when a condition first needs it. Synchronous: see docs/rules.md. */
export type DynamicFact<T = unknown> = (params: Record<string, unknown>, almanac: JreAlmanac) => T;

export interface FactOptions {
  /** Default true: one computation per run and params. */
  cache?: boolean;
  /** Conditions on facts of higher priority are evaluated first (json-rules-engine's fact priority). */
  priority?: number;
}

export interface EngineOptions {
  allowUndefinedFacts?: boolean;
  allowUndefinedConditions?: boolean;
  replaceFactsInEventParams?: boolean;
  pathResolver?: (value: object, path: string) => unknown;
}

/** run()'s second argument: an almanac made for this run (json-rules-engine's `{ almanac }`). */
export interface RunOptions {
  almanac?: JreAlmanac;
}

export interface EngineEvent {
  type: string;
  params?: Record<string, unknown>;
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

export type OperatorCallback = (factValue: unknown, jsonValue: unknown) => unknown;
export type DecoratorCallback = (factValue: unknown, jsonValue: unknown, next: OperatorCallback) => unknown;

export interface EngineResult {
  events: EngineEvent[];
  failureEvents: EngineEvent[];
  results: RuleResult[];
  failureResults: RuleResult[];
  almanac: JreAlmanac;
}
