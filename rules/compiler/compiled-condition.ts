import type { ConditionExplanation } from '../explanation/explanation';
import type { Facts } from '../facts/derive-facts';
import type { OperatorContext } from '../operators/operator-spec';

/** Per evaluation: the peildatum, and the derived facts computed from it once. */
export interface EvaluationContext extends OperatorContext {
  derived: Facts;
  /** Unique per evaluation: named conditions remember their result for the evaluation with this id. */
  id: number;
}

/** One condition turned into plain functions, with what its parent needs to order and group it. */
export interface CompiledCondition {
  /** The fast path: the result only. */
  test: (facts: Facts, context: EvaluationContext) => boolean;
  /** Evaluates and says why; the status is 'held' or 'failed'. */
  explain: (facts: Facts, context: EvaluationContext) => ConditionExplanation;
  /** The explanation of a condition json-rules-engine would not evaluate here. */
  skip: (facts: Facts, context: EvaluationContext) => ConditionExplanation;
  /** True when evaluation can throw; json-rules-engine then rejects, so siblings may not short-circuit it away. */
  mayThrow: boolean;
  /** The key json-rules-engine groups sibling conditions by (higher groups run first). */
  priorityKey: number;
}
