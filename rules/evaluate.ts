import { compileRuleSet, type CompiledRuleSet, type EvaluationResult } from './compiler/compile-rule-set';
import type { Facts } from './facts/derive-facts';
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

/** Evaluates one case: events in order and, on request, the explanation a decision records. Synchronous and pure. */
export function evaluate(ruleSet: RuleSet, facts: Readonly<Facts>, options: EvaluationOptions): EvaluationResult {
  return compiled(ruleSet, options.allowUndefinedFacts === false).evaluate(facts, options);
}
