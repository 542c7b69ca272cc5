import type { FactType } from '../facts/fact-catalog';
import type { LocalizedText } from '../localized-text';

/** What an operator needs besides the two values: the reference date some operators count from. */
export interface OperatorContext {
  peildatum: string;
}

/** Which value a condition must carry for a fact of a given type. */
export type ValueShape =
  | 'same' // a single value of the fact's own type
  | 'list' // an array of values of the fact's own type
  | 'element' // one element of a list fact
  | 'number' // a number regardless of the fact's type
  | 'days'; // a whole, non-negative number of days

export interface OperatorSpec {
  /** The requirement in words, '{value}' marking the value: 'minstens {value}' renders "vereist is minstens 4". */
  label: LocalizedText;
  factTypes: readonly FactType[];
  value: ValueShape;
  /** Built into json-rules-engine; custom operators are registered into it from this registry. */
  builtin: boolean;
  /** Same result as json-rules-engine for every input, including its fact-value validators. */
  evaluate: (factValue: unknown, value: unknown, context: OperatorContext) => boolean;
  /** Whether evaluate throws for this condition value (json-rules-engine then rejects the whole run). */
  mayThrow?: (value: unknown) => boolean;
  /** A specialised test for one condition value; faster than evaluate, same result. */
  specialise?: (value: unknown) => (factValue: unknown, context: OperatorContext) => boolean;
}
