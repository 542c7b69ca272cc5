/**
 * The plain values of json-rules-engine's API, with no reference to the classes (so the classes
 * can use them without an import cycle). jre-types.ts adds the types that name the classes.
 */

/** A fact computed when a condition first needs it; `A` is the almanac it is given (JreAlmanac in jre-types.ts). */
export type FactCallback<T = unknown, A = unknown> = (params: Record<string, unknown>, almanac: A) => T;

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

export interface EngineEvent {
  type: string;
  params?: Record<string, unknown>;
}

export type OperatorCallback = (factValue: unknown, jsonValue: unknown) => unknown;
export type DecoratorCallback = (factValue: unknown, jsonValue: unknown, next: OperatorCallback) => unknown;
