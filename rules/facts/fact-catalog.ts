import type { LocalizedText } from '../localized-text';
import type { RuleSetKind } from '../rule-set-kinds';
import type { Derivation, Outcome } from '../rule-set-schema';

/** What a fact holds; operators and values are checked against it. */
export type FactType = 'number' | 'integer' | 'boolean' | 'string' | 'enum' | 'date' | 'string-list';

export interface EnumOption {
  value: string;
  label: LocalizedText;
}

/** Inputs of a derived fact: the case's own facts and the reference date it is judged on. */
export interface DerivationContext {
  facts: Readonly<Record<string, unknown>>;
  peildatum: string;
}

export interface FactDefinition {
  type: FactType;
  label: LocalizedText;
  description: LocalizedText;
  /** Unit code shown to users and matched against parameter units, e.g. 'EUR/jaar', 'weken'. */
  unit?: string;
  /** Allowed values of an 'enum' or 'string-list' fact. */
  options?: readonly EnumOption[];
  minimum?: number;
  maximum?: number;
  /** Where the value comes from, e.g. "advies GGD-arts", "BRP"; shown as help where it is asked for. */
  source?: LocalizedText;
  /** Set for facts computed from other facts and the peildatum; they are never taken from input. */
  derived?: {
    from: readonly string[];
    compute(context: DerivationContext): unknown;
  };
  /**
   * A rule set's own derived fact: how it is computed, as the rule set states it (for explanations and
   * forms); `derived` is then the computation built from it (catalogOf).
   */
  derivation?: Derivation;
  /** Special-category data (AVG art. 9): the UI hides it from roles without need to know. */
  sensitive?: boolean;
  /**
   * Absence has a meaning of its own, so a decision may be taken without it: no offer refused
   * yet, no medical urgency claimed. Every other fact a rule needs makes a case 'onvolledig'
   * (incomplete) while it is unknown: a decision never rests on a guess (Awb 3:2, due care).
   */
  mayBeUnknown?: boolean;
}

export interface FactCatalog {
  kind: RuleSetKind;
  label: LocalizedText;
  /** What a person asks for, as a letter says it ("Besluit over urgentie"); the label in lower case when absent. */
  topic?: LocalizedText;
  facts: Readonly<Record<string, FactDefinition>>;
  /** The kind's usual outcomes, for rule sets that do not label their own (a rule set's own labels win). */
  outcomes?: Readonly<Record<string, Outcome>>;
  /** What it means when no rule applies. */
  noOutcome?: Outcome;
}

export interface UnitDefinition {
  label: LocalizedText;
}
