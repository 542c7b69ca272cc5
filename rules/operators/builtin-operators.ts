import type { OperatorSpec } from './operator-spec';

// Mirrors node_modules/json-rules-engine/dist/engine-default-operators.js (v7) exactly, validators
// included: numeric operators first require parseFloat(fact) to be a number, then compare with plain
// JS < and >, so "5" < "10" is false (text comparison), and `in` against a string is a substring test.

/** json-rules-engine's numberValidator: `Number.parseFloat(factValue).toString() !== 'NaN'`. */
export function numberValidator(factValue: unknown): boolean {
  if (typeof factValue === 'number') return factValue === factValue;
  return !Number.isNaN(Number.parseFloat(factValue as string));
}

/** indexOf exists on strings and arrays only; on anything else json-rules-engine throws a TypeError. */
function hasIndexOf(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value);
}

function indexOf(haystack: unknown, needle: unknown): number {
  return (haystack as { indexOf(x: unknown): number }).indexOf(needle);
}

const numeric = ['number', 'integer'] as const;

export const builtinOperators = {
  equal: {
    label: { nl: '{value}', en: '{value}' },
    builtin: true,
    value: 'same',
    factTypes: ['number', 'integer', 'boolean', 'string', 'enum', 'date'],
    evaluate: (a, b) => a === b,
    specialise: (b) => (a) => a === b,
  },
  notEqual: {
    label: { nl: 'niet {value}', en: 'not {value}' },
    builtin: true,
    value: 'same',
    factTypes: ['number', 'integer', 'boolean', 'string', 'enum', 'date'],
    evaluate: (a, b) => a !== b,
    specialise: (b) => (a) => a !== b,
  },
  in: {
    label: { nl: 'een van {value}', en: 'one of {value}' },
    builtin: true,
    value: 'list',
    factTypes: ['number', 'integer', 'string', 'enum', 'date'],
    evaluate: (a, b) => indexOf(b, a) > -1,
    mayThrow: (b) => !hasIndexOf(b),
  },
  notIn: {
    label: { nl: 'geen van {value}', en: 'none of {value}' },
    builtin: true,
    value: 'list',
    factTypes: ['number', 'integer', 'string', 'enum', 'date'],
    evaluate: (a, b) => indexOf(b, a) === -1,
    mayThrow: (b) => !hasIndexOf(b),
  },
  contains: {
    label: { nl: 'met daarin {value}', en: 'including {value}' },
    builtin: true,
    value: 'element',
    factTypes: ['string-list'],
    evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  },
  doesNotContain: {
    label: { nl: 'zonder {value}', en: 'without {value}' },
    builtin: true,
    value: 'element',
    factTypes: ['string-list'],
    evaluate: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  },
  lessThan: {
    label: { nl: 'minder dan {value}', en: 'less than {value}' },
    builtin: true,
    value: 'same',
    factTypes: numeric,
    evaluate: (a, b) => numberValidator(a) && (a as number) < (b as number),
    specialise: (b) => (a) => numberValidator(a) && (a as number) < (b as number),
  },
  lessThanInclusive: {
    label: { nl: 'hoogstens {value}', en: 'at most {value}' },
    builtin: true,
    value: 'same',
    factTypes: numeric,
    evaluate: (a, b) => numberValidator(a) && (a as number) <= (b as number),
    specialise: (b) => (a) => numberValidator(a) && (a as number) <= (b as number),
  },
  greaterThan: {
    label: { nl: 'meer dan {value}', en: 'more than {value}' },
    builtin: true,
    value: 'same',
    factTypes: numeric,
    evaluate: (a, b) => numberValidator(a) && (a as number) > (b as number),
    specialise: (b) => (a) => numberValidator(a) && (a as number) > (b as number),
  },
  greaterThanInclusive: {
    label: { nl: 'minstens {value}', en: 'at least {value}' },
    builtin: true,
    value: 'same',
    factTypes: numeric,
    evaluate: (a, b) => numberValidator(a) && (a as number) >= (b as number),
    specialise: (b) => (a) => numberValidator(a) && (a as number) >= (b as number),
  },
} as const satisfies Record<string, OperatorSpec>;
