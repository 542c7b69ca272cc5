import { isDateInBounds } from '../date-bounds';
import { isIsoDate } from '../dates';
import type { FactDefinition } from '../facts/fact-catalog';
import type { LocalizedText } from '../localized-text';
import type { ValueShape } from '../operators/operator-spec';

/** Why a value does not fit, or undefined when it fits. */
export type ValueProblem =
  { code: 'value-type-mismatch' | 'value-not-allowed' | 'date-out-of-range'; message: LocalizedText } | undefined;

const mismatch = (nl: string, en: string): ValueProblem => ({ code: 'value-type-mismatch', message: { nl, en } });

// One Set per fact definition: a list value is then checked in time linear in its length, whatever the number of options.
const optionSets = new WeakMap<FactDefinition, ReadonlySet<string>>();
function allowedValues(fact: FactDefinition): ReadonlySet<string> | undefined {
  if (!fact.options) return undefined;
  let set = optionSets.get(fact);
  if (!set) optionSets.set(fact, (set = new Set(fact.options.map((o) => o.value))));
  return set;
}

function scalarProblem(fact: FactDefinition, value: unknown): ValueProblem {
  switch (fact.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number' ? undefined : mismatch('Verwacht een getal.', 'Expected a number.');
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : mismatch('Verwacht ja of nee (true/false).', 'Expected true or false.');
    case 'date':
      if (!isIsoDate(value)) return mismatch('Verwacht een datum (JJJJ-MM-DD).', 'Expected a date (YYYY-MM-DD).');
      return isDateInBounds(value)
        ? undefined
        : {
            code: 'date-out-of-range',
            message: {
              nl: `De datum ${value} ligt buiten 1 januari 1900 tot en met 31 december 2100.`,
              en: `The date ${value} lies outside 1 January 1900 to 31 December 2100.`,
            },
          };
    case 'string':
      return typeof value === 'string' ? undefined : mismatch('Verwacht tekst.', 'Expected text.');
    case 'enum':
    case 'string-list':
      if (typeof value !== 'string') return mismatch('Verwacht tekst.', 'Expected text.');
      if (fact.options && !allowedValues(fact)?.has(value)) {
        const allowed = fact.options.map((o) => `'${o.value}'`).join(', ');
        return {
          code: 'value-not-allowed',
          message: {
            nl: `'${value}' is geen toegestane waarde; kies uit ${allowed}.`,
            en: `'${value}' is not an allowed value; choose from ${allowed}.`,
          },
        };
      }
      return undefined;
  }
}

/** Checks a condition value (literal or parameter value) against what the operator expects for this fact. */
export function valueProblem(fact: FactDefinition, shape: ValueShape, value: unknown): ValueProblem {
  switch (shape) {
    case 'same':
    case 'element':
      return scalarProblem(fact, value);
    case 'number':
      return typeof value === 'number' ? undefined : mismatch('Verwacht een getal.', 'Expected a number.');
    case 'days':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? undefined
        : mismatch('Verwacht een geheel aantal dagen (0 of meer).', 'Expected a whole number of days (0 or more).');
    case 'list': {
      if (typeof value === 'string') {
        // json-rules-engine would do a substring test here ("sie" in "asiel"): almost never what was meant.
        return mismatch(
          'Verwacht een lijst van waarden; tekst zou als deel-tekst worden vergeleken.',
          'Expected a list of values; text would be matched as a substring.',
        );
      }
      if (!Array.isArray(value)) return mismatch('Verwacht een lijst van waarden.', 'Expected a list of values.');
      for (const item of value) {
        const problem = scalarProblem(fact, item);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}
