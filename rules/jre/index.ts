// json-rules-engine 7's API on compiled closures. See docs/rules.md, "json-rules-engine compatibility".
export { Engine } from './engine';
export { JreError, type JreErrorCode } from './jre-error';
export { JreAlmanac } from './almanac';
export { RuleResult, conditionToJson, type ConditionResult } from './rule-result';
export type {
  EngineOptions,
  EngineResult,
  EngineEvent,
  RuleProperties,
  FactOptions,
  DynamicFact,
  EventHandler,
  OperatorCallback,
  DecoratorCallback,
} from './jre-types';
