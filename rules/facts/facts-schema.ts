import { isIsoDate } from '../dates';
import { pointer } from '../json-pointer';
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
    const schema: Record<string, unknown> = { ...JSON_TYPES[fact.type], title: fact.label.nl, description: fact.description.nl, 'x-label-en': fact.label.en };
    if (options && fact.type === 'enum') schema.enum = options;
    if (options && fact.type === 'string-list') schema.items = { type: 'string', enum: options };
    if (fact.unit) schema['x-unit'] = fact.unit;
    if (fact.minimum !== undefined) schema.minimum = fact.minimum;
    properties[name] = schema;
  }
  return { type: 'object', title: catalog.label.nl, properties, additionalProperties: false };
}

function fits(fact: FactDefinition, value: unknown): boolean {
  switch (fact.type) {
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'enum': return typeof value === 'string' && (!fact.options || fact.options.some((o) => o.value === value));
    case 'date': return isIsoDate(value);
    case 'string-list': return Array.isArray(value) && value.every((v) => typeof v === 'string' && (!fact.options || fact.options.some((o) => o.value === v)));
  }
}

/** Checks a case's facts against the catalog, so bad input is reported instead of silently failing conditions. */
export function validateFacts(catalog: FactCatalog, facts: Readonly<Record<string, unknown>>): { valid: boolean; errors: RulesIssue[] } {
  const errors: RulesIssue[] = [];
  for (const [name, value] of Object.entries(facts)) {
    const fact = Object.prototype.hasOwnProperty.call(catalog.facts, name) ? catalog.facts[name] : undefined;
    const path = pointer(name);
    if (!fact) {
      errors.push({ code: 'unknown-fact', path, message: { nl: `Feit '${name}' staat niet in de catalogus.`, en: `Fact '${name}' is not in the catalog.` } });
    } else if (fact.derived) {
      errors.push({ code: 'derived-fact-supplied', path, message: {
        nl: `'${fact.label.nl}' wordt berekend uit ${fact.derived.from.join(', ')} en de peildatum; geef dat op in plaats daarvan.`,
        en: `'${fact.label.en}' is computed from ${fact.derived.from.join(', ')} and the peildatum; supply that instead.` } });
    } else if (!fits(fact, value)) {
      errors.push({ code: 'value-type-mismatch', path, message: {
        nl: `'${fact.label.nl}' verwacht ${fact.type}${fact.options ? ` (${fact.options.map((o) => o.value).join(', ')})` : ''}.`,
        en: `'${fact.label.en}' expects ${fact.type}${fact.options ? ` (${fact.options.map((o) => o.value).join(', ')})` : ''}.` } });
    }
  }
  return { valid: errors.length === 0, errors };
}

const TRUE = new Set(['true', 'ja', 'yes', 'j', 'y', '1']);
const FALSE = new Set(['false', 'nee', 'no', 'n', '0']);

/** Turns a CSV cell into a fact value by the catalog's type; an empty cell is an unknown fact (undefined). */
export function coerceFactValue(fact: FactDefinition | undefined, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (fact?.type) {
    case 'number':
    case 'integer': {
      const n = Number(text.replace(',', '.'));
      return Number.isNaN(n) ? text : n;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : text;
    }
    case 'string-list':
      return text.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== '');
    default:
      return text;
  }
}
