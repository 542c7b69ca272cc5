import { compileRuleSet, type CompiledRuleSet, type EvaluationResult } from './compiler/compile-rule-set';
import { labelExplanation } from './explanation/label-explanation';
import type { Facts } from './facts/derive-facts';
import { catalogOf } from './facts/catalog-of';
import { assertValidFacts } from './facts/invalid-facts-error';
import type { RuleSet } from './rule-set-schema';

export interface EvaluationOptions {
  peildatum: string;
  explain?: boolean;
  /** Default true: a missing fact is unknown; false makes an evaluated condition on a missing fact an error. */
  allowUndefinedFacts?: boolean;
}

// Rule sets are treated as immutable values: a published version never changes, so compiling once per object is safe.
const cache = new WeakMap<RuleSet, { lenient?: CompiledRuleSet; strict?: CompiledRuleSet }>();

function compiled(ruleSet: RuleSet, strict: boolean): CompiledRuleSet {
  let entry = cache.get(ruleSet);
  if (!entry) cache.set(ruleSet, (entry = {}));
  const key = strict ? 'strict' : 'lenient';
  return (entry[key] ??= compileRuleSet(ruleSet, { allowUndefinedFacts: !strict }));
}

/**
 * Evaluates one case: events in order and, on request, the explanation a decision records, with
 * the rule set's labels written in. Synchronous and pure. The facts are validated against the
 * rule set's effective catalog (the kind's, extended by the rule set's own facts) first and never
 * coerced: `householdSize: "5"` throws an InvalidFactsError (code 'invalid-facts', every issue
 * with its path) instead of passing "≥ 4".
 *
 * A missing fact is unknown and fails most comparisons; whether the outcome may rest on that is
 * assessCase()'s question, which is what a decision should call. For bulk work on facts that are
 * already checked (simulation, benchmarks) use compileRuleSet(ruleSet).evaluate: the same
 * results without the per-call validation and labels.
 */
export function evaluate(ruleSet: RuleSet, facts: Readonly<Facts>, options: EvaluationOptions): EvaluationResult {
  const evaluator = compiled(ruleSet, options.allowUndefinedFacts === false);
  assertValidFacts(catalogOf(ruleSet), facts);
  const result = evaluator.evaluate(facts, options);
  return result.explanation
    ? { events: result.events, explanation: labelExplanation(result.explanation, ruleSet) }
    : result;
}
