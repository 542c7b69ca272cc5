import { dateOutOfRange } from '../date-bounds';
import { isIsoDate } from '../dates';
import { pointer } from '../json-pointer';
import type { LocalizedText } from '../localized-text';
import type { RulesIssue } from '../rules-error';
import type { FactCatalog, FactDefinition } from './fact-catalog';

const JSON_TYPES: Record<FactDefinition['type'], object> = {
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  string: { type: 'string' },
  enum: { type: 'string' },
  date: { type: 'string', format: 'date' },
  'string-list': { type: 'array', items: { type: 'string' } },
};

/** JSON Schema of one case's facts (for the API document and the editor's test form); derived facts are not input. */
export function factsJsonSchema(catalog: FactCatalog): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, fact] of Object.entries(catalog.facts)) {
    if (fact.derived) continue;
    const options = fact.options?.map((o) => o.value);
    const schema: Record<string, unknown> = {
      ...JSON_TYPES[fact.type],
      title: fact.label.nl,
      description: fact.description.nl,
      'x-label-en': fact.label.en,
    };
    if (options && fact.type === 'enum') schema.enum = options;
    if (options && fact.type === 'string-list') schema.items = { type: 'string', enum: options };
    if (fact.unit) schema['x-unit'] = fact.unit;
    if (fact.minimum !== undefined) schema.minimum = fact.minimum;
    if (fact.maximum !== undefined) schema.maximum = fact.maximum;
    if (fact.source) schema['x-source'] = fact.source.nl;
    properties[name] = schema;
  }
  return { type: 'object', title: catalog.label.nl, properties, additionalProperties: false };
}

function fits(fact: FactDefinition, value: unknown): boolean {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' && (!fact.options || fact.options.some((o) => o.value === value));
    case 'date':
      return isIsoDate(value);
    case 'string-list':
      return (
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && (!fact.options || fact.options.some((o) => o.value === v)))
      );
  }
}

const EXPECTED: Record<FactDefinition['type'], LocalizedText> = {
  number: { nl: 'een getal', en: 'a number' },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee (true/false)', en: 'yes or no (true/false)' },
  string: { nl: 'tekst', en: 'text' },
  enum: { nl: 'een van de toegestane waarden', en: 'one of the allowed values' },
  date: { nl: 'een datum (JJJJ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  'string-list': { nl: 'een lijst van toegestane waarden', en: 'a list of allowed values' },
};

/** Names that reach Object.prototype's machinery instead of a fact; refused wherever they appear. */
export const FORBIDDEN_FACT_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// A fact name is echoed in messages; a megabyte-long key must not become a megabyte-long message.
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

function expected(fact: FactDefinition, lang: 'nl' | 'en'): string {
  const options = fact.options ? ` (${fact.options.map((o) => o.value).join(', ')})` : '';
  return `${EXPECTED[fact.type][lang]}${options}`;
}

function factIssue(catalog: FactCatalog, name: string, value: unknown): RulesIssue | undefined {
  const path = pointer(name);
  if (FORBIDDEN_FACT_NAMES.has(name)) {
    return {
      code: 'forbidden-fact-name',
      path,
      message: { nl: `'${name}' is geen toegestane feitnaam.`, en: `'${name}' is not an allowed fact name.` },
    };
  }
  const fact = Object.prototype.hasOwnProperty.call(catalog.facts, name) ? catalog.facts[name] : undefined;
  if (!fact) {
    return {
      code: 'unknown-fact',
      path,
      message: {
        nl: `Feit '${shown(name)}' staat niet in de catalogus.`,
        en: `Fact '${shown(name)}' is not in the catalog.`,
      },
    };
  }
  if (fact.derived) {
    const from = fact.derived.from.map((f) => catalog.facts[f]?.label ?? { nl: f, en: f });
    return {
      code: 'derived-fact-supplied',
      path,
      message: {
        nl: `'${fact.label.nl}' wordt berekend uit ${from.map((l) => l.nl).join(', ')} en de peildatum; geef dat op in plaats daarvan.`,
        en: `'${fact.label.en}' is computed from ${from.map((l) => l.en).join(', ')} and the peildatum; supply that instead.`,
      },
    };
  }
  if (value === null) {
    return {
      code: 'null-fact',
      path,
      message: {
        nl: `'${fact.label.nl}' is leeg (null); laat een onbekend feit weg.`,
        en: `'${fact.label.en}' is null; leave an unknown fact out.`,
      },
    };
  }
  if (!fits(fact, value)) {
    return {
      code: 'value-type-mismatch',
      path,
      message: {
        nl: `'${fact.label.nl}' verwacht ${expected(fact, 'nl')}.`,
        en: `'${fact.label.en}' expects ${expected(fact, 'en')}.`,
      },
    };
  }
  if (fact.type === 'date') {
    const outside = dateOutOfRange(value, path, fact.label);
    if (outside) return outside;
  }
  if (
    typeof value === 'number' &&
    ((fact.minimum !== undefined && value < fact.minimum) || (fact.maximum !== undefined && value > fact.maximum))
  ) {
    const range =
      fact.maximum === undefined
        ? { nl: `minstens ${fact.minimum}`, en: `at least ${fact.minimum}` }
        : fact.minimum === undefined
          ? { nl: `hoogstens ${fact.maximum}`, en: `at most ${fact.maximum}` }
          : { nl: `van ${fact.minimum} tot en met ${fact.maximum}`, en: `from ${fact.minimum} to ${fact.maximum}` };
    return {
      code: 'value-out-of-range',
      path,
      message: { nl: `'${fact.label.nl}' moet ${range.nl} zijn.`, en: `'${fact.label.en}' must be ${range.en}.` },
    };
  }
  return undefined;
}

/**
 * Checks a case's facts against the catalog, so bad input is reported instead of silently
 * failing (or, worse, passing) conditions. Never coerces: "5" is not 5. An undefined value is
 * an unknown fact, as if left out. Linear in the size of the facts.
 */
export function validateFacts(
  catalog: FactCatalog,
  facts: Readonly<Record<string, unknown>>,
): { valid: boolean; errors: RulesIssue[] } {
  const errors: RulesIssue[] = [];
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    errors.push({
      code: 'facts-not-an-object',
      path: '',
      message: {
        nl: 'De feiten moeten een object zijn: naam → waarde.',
        en: 'The facts must be an object: name → value.',
      },
    });
    return { valid: false, errors };
  }
  const proto = Object.getPrototypeOf(facts) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    // { __proto__: {...} } in code sets the prototype: values inherited from it would be read as facts.
    errors.push({
      code: 'forbidden-fact-name',
      path: pointer('__proto__'),
      message: { nl: "'__proto__' is geen toegestane feitnaam.", en: "'__proto__' is not an allowed fact name." },
    });
  }
  for (const name of Object.keys(facts)) {
    const value = facts[name];
    if (value === undefined) continue;
    const issue = factIssue(catalog, name, value);
    if (issue) errors.push(issue);
  }
  return { valid: errors.length === 0, errors };
}

const TRUE = new Set(['true', 'ja', 'yes', 'j', 'y', '1']);
const FALSE = new Set(['false', 'nee', 'no', 'n', '0']);

// Plain decimals with a point or a comma, and Dutch thousands groups only when a decimal comma
// makes them unambiguous: "60.000" could be sixty or sixty thousand, so it is not a number here.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const AMBIGUOUS_GROUPED = /^[+-]?\d{1,3}\.\d{3}$/;
const DUTCH_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

function parseNumber(text: string): number | undefined {
  if (text.length > 40) return undefined;
  if (PLAIN_NUMBER.test(text) && !AMBIGUOUS_GROUPED.test(text)) return Number(text.replace(',', '.'));
  if (DUTCH_GROUPED.test(text) && !AMBIGUOUS_GROUPED.test(text))
    return Number(text.replace(/\./g, '').replace(',', '.'));
  return undefined;
}

/**
 * Reads a CSV cell or form field as a fact value by the catalog's type; an empty cell is an
 * unknown fact (undefined). Only unambiguous text is turned into a number or yes/no; anything
 * else is returned as the text it was, so validateFacts (and evaluate) refuse it with a code
 * instead of deciding on a guess.
 */
export function coerceFactValue(fact: FactDefinition | undefined, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (fact?.type) {
    case 'number':
    case 'integer':
      return parseNumber(text) ?? text;
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case 'string-list':
      return text
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return text;
  }
}
