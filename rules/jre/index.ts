// json-rules-engine 7's API on compiled closures. See docs/rules.md, "json-rules-engine compatibility".
export { Engine } from './engine';
export { JreError, type JreErrorCode } from './jre-error';
export { JreAlmanac, JreAlmanac as Almanac, type AlmanacOptions } from './almanac';
export { Fact } from './fact';
export { Rule, Rule as JreRule } from './rule';
export { Operator } from './operator';
export { OperatorDecorator } from './operator-decorator';
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
  RunOptions,
} from './jre-types';
