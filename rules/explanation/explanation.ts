import type { LocalizedText } from '../localized-text';
import type { RuleSetKind } from '../rule-set-kinds';
import type { MunicipalityFact, Outcome } from '../rule-set-schema';

/** Evaluated and true, evaluated and false, or skipped by short-circuit (as json-rules-engine skips it). */
export type ConditionStatus = 'held' | 'failed' | 'not-evaluated';

interface ExplanationBase {
  status: ConditionStatus;
  /** JSON pointer of the condition in the rule set, so an editor can highlight it. */
  path: string;
}

export interface FactConditionExplanation extends ExplanationBase {
  kind: 'fact';
  fact: string;
  operator: string;
  /** The value the condition requires, with parameters already filled in. */
  expected: unknown;
  /** Set when the expected value came from a rule-set parameter. */
  parameter?: string;
  /** The fact's value; absent when the fact was unknown. */
  actual?: unknown;
  known: boolean;
}

export interface GroupConditionExplanation extends ExplanationBase {
  kind: 'all' | 'any';
  conditions: ConditionExplanation[];
}

export interface NotConditionExplanation extends ExplanationBase {
  kind: 'not';
  condition: ConditionExplanation;
}

export interface ReferenceConditionExplanation extends ExplanationBase {
  kind: 'reference';
  name: string;
  condition: ConditionExplanation;
}

export type ConditionExplanation =
  FactConditionExplanation | GroupConditionExplanation | NotConditionExplanation | ReferenceConditionExplanation;

export interface RuleExplanation {
  name: string;
  title: string;
  legalBasis: string;
  /** Priority after json-rules-engine's normalisation (0 → 1, 2.5 → 2). */
  priority: number;
  fired: boolean;
  event: { type: string; params?: Record<string, unknown> };
  conditions: ConditionExplanation;
}

/**
 * The words for the ids an explanation holds, copied from the rule set when it was evaluated, so a
 * stored explanation still reads right (in a besluit, an objection) after the rule set changed.
 */
export interface ExplanationLabels {
  /** Per event type of the rules evaluated. */
  outcomes: Record<string, Outcome>;
  /** What it means that no rule applied. */
  noOutcome: Outcome;
  parameters: Record<string, LocalizedText>;
  conditions: Record<string, LocalizedText>;
  /**
   * The rule set's own facts (label, type, unit, options, mayBeUnknown), so their conditions read
   * by label and their values by option label wherever the explanation goes. Absent on
   * explanations stored before rule sets had facts of their own, and when it has none.
   */
  facts?: Record<string, MunicipalityFact>;
}

/** What a decision records (Awb): which version, on which date, which facts, which conditions held. */
export interface Explanation {
  ruleSet: { id: string; tenant: string; kind: RuleSetKind; version: number; effectiveFrom: string; title?: string };
  /** Set by evaluate() and assessCase(); the compiled fast path leaves it out. */
  labels?: ExplanationLabels;
  peildatum: string;
  /** The facts the rules refer to, derived facts included, as they were used. */
  facts: Record<string, unknown>;
  /** In evaluation order: priority high to low, declaration order within a priority. */
  rules: RuleExplanation[];
}
