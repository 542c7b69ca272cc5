// Public API of the rules core. Pure: no I/O and no Node built-ins, so workflow activities, the API
// and the browser editor can all import it. json-rules-engine itself lives in ./reference-engine.
export {
  RuleSetSchema,
  RuleSchema,
  ParameterSchema,
  RuleEventSchema,
  RuleSetStatusSchema,
  RuleSetKindSchema,
} from './rule-set-schema';
export type { RuleSet, Rule, Parameter, ParameterType, RuleEvent, RuleSetStatus } from './rule-set-schema';
export {
  ConditionSchema,
  TopLevelConditionSchema,
  conditionJsonSchema,
  isParameterReference,
} from './condition-schema';
export type {
  Condition,
  TopLevelCondition,
  FactCondition,
  AllCondition,
  AnyCondition,
  NotCondition,
  ConditionReference,
  ParameterReference,
  JsonValue,
} from './condition-schema';
export { RULE_SET_KINDS, type RuleSetKind } from './rule-set-kinds';
export { LocalizedTextSchema, LANGUAGES, type LocalizedText, type Language } from './localized-text';
export { RulesError, type RulesIssue } from './rules-error';

export { factCatalogs, factCatalogFor } from './facts/fact-catalogs';
export { catalogOf } from './facts/catalog-of';
export {
  MunicipalityFactSchema,
  MunicipalityFactTypeSchema,
  FactOptionSchema,
  type MunicipalityFact,
  type FactOption,
} from './rule-set-schema';
export type { FactCatalog, FactDefinition, FactType, EnumOption } from './facts/fact-catalog';
export { deriveFacts, derivedFactNames, type Facts } from './facts/derive-facts';
export { factsJsonSchema, validateFacts, coerceFactValue } from './facts/facts-schema';
export { UNITS, type UnitCode } from './facts/units';
export { DerivationSchema, type Derivation } from './rule-set-schema';
export { describeDerivation, derivationInputs, MAX_DERIVATION_DEPTH } from './facts/derivation';
export { renameFact, type RenameResult } from './facts/rename-fact';

export { operators, isOperatorName, type OperatorName } from './operators/operators';
export type { OperatorSpec, OperatorContext, ValueShape } from './operators/operator-spec';

export { validateRuleSet, type ValidationResult } from './validation/validate-rule-set';
export { assertValidRuleSet, InvalidRuleSetError } from './validation/assert-valid-rule-set';
export { limitIssues, type LimitOptions } from './validation/check-limits';
export { RULE_SET_LIMITS, FORBIDDEN_NAMES } from './validation/rule-set-limits';

export {
  compileRuleSet,
  type CompiledRuleSet,
  type CompileOptions,
  type EvaluateOptions,
  type EvaluationResult,
} from './compiler/compile-rule-set';
export { evaluate, type EvaluationOptions } from './evaluate';
export { toEngineRules, type EngineRule } from './engine-rules';

export type {
  Explanation,
  RuleExplanation,
  ConditionExplanation,
  ConditionStatus,
  FactConditionExplanation,
} from './explanation/explanation';
export {
  renderExplanation,
  renderRule,
  renderFactCondition,
  explanationCatalog,
} from './explanation/render-explanation';
export { formatValue } from './explanation/format-value';

export { selectEffectiveVersion, type SelectOptions } from './peildatum/select-effective-version';
export {
  templates,
  loadTemplate,
  TEMPLATE_IDS,
  type TemplateId,
  type Template,
  type TemplateOverrides,
} from './templates/templates';
export { dutchDay, isIsoDate, todayIso } from './dates';
export { DATE_BOUNDS, isDateInBounds } from './date-bounds';

export { assessCase, type Assessment, type AssessOptions, type MissingFact } from './assess-case';
export { neededFacts, referencedFacts } from './needed-facts';
export { InvalidFactsError, assertValidFacts } from './facts/invalid-facts-error';
export { FORBIDDEN_FACT_NAMES } from './facts/facts-schema';
export { outcomeLabel, decisionSentence, resolveOutcome } from './labels/outcome-labels';
export { OutcomeSchema, type Outcome } from './rule-set-schema';
export type { ExplanationLabels } from './explanation/explanation';
export { labelExplanation } from './explanation/label-explanation';
export { certaintyOf, type Certainty } from './explanation/unknown-facts';
export { formatDate, formatAmount } from './explanation/format-value';
export { checkPublishable, type PublishableOptions, type PublishableResult } from './publishing/check-publishable';
export { findPlaceholders, hasPlaceholder, type Placeholder } from './publishing/find-placeholders';
export { TEMPLATE_TENANT, TEMPLATE_MUNICIPALITY_CODE } from './templates/templates';

// json-rules-engine 7's API on compiled closures: raw json-rules-engine rules, run unchanged.
// json-rules-engine's classes as arguments: `Rule` is the product rule's type here, so its class is `JreRule`
// (`Rule` from rules/jre).
export {
  Engine,
  JreError,
  JreAlmanac,
  Almanac,
  Fact,
  JreRule,
  Operator,
  OperatorDecorator,
  RuleResult,
  conditionToJson,
  type ConditionResult,
  type AlmanacOptions,
} from './jre';
export type {
  JreErrorCode,
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
} from './jre';
