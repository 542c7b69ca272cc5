import { toEpochDay, wholeYearsBetween } from '../dates';
import type { Language } from '../localized-text';
import type { Derivation } from '../rule-set-schema';
import type { FactCatalog } from './fact-catalog';

/**
 * How deep derived facts may build on derived facts (a sum of a lookup of …). Real bye-laws need two
 * levels (income of applicant and partner summed, then compared); the bound keeps every computation
 * and every check short, whatever a file holds.
 */
export const MAX_DERIVATION_DEPTH = 8;

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** The facts a derivation reads directly, in the order it names them. */
export function derivationInputs(derivation: Derivation): string[] {
  return Array.isArray((derivation as { facts?: unknown }).facts)
    ? [...(derivation as { facts: string[] }).facts]
    : [(derivation as { fact: string }).fact];
}

/** Sums of amounts in euros and cents: no 0.30000000000000004 in an explanation. */
function tidy(n: number): number {
  return Math.round(n * 1e8) / 1e8;
}

function numbers(values: unknown[]): number[] | undefined {
  for (const v of values) if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  return values as number[];
}

/** The lookup key of a value: text as it is, a whole number or true/false as text; anything else has none. */
function lookupKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isInteger(value))) return String(value);
  return undefined;
}

/**
 * The derived value, from the values of its inputs (`valueOf`) and the peildatum; undefined — unknown —
 * when an input does not have the type the derivation needs. Never throws.
 */
export function computeDerivation(
  derivation: Derivation,
  valueOf: (fact: string) => unknown,
  peildatum: string,
): unknown {
  switch (derivation.op) {
    case 'years-since':
    case 'weeks-since':
    case 'days-since': {
      const date = valueOf(derivation.fact);
      if (derivation.op === 'years-since')
        return typeof date === 'string' ? wholeYearsBetween(date, peildatum) : undefined;
      const from = toEpochDay(date);
      const to = toEpochDay(peildatum);
      if (from === undefined || to === undefined) return undefined;
      return derivation.op === 'days-since' ? to - from : Math.floor((to - from) / 7);
    }
    case 'sum': {
      const values = numbers(derivation.facts.map(valueOf));
      return values && tidy(values.reduce((a, b) => a + b, 0));
    }
    case 'difference': {
      const values = derivation.facts.length === 2 ? numbers(derivation.facts.map(valueOf)) : undefined;
      return values && tidy((values[0] as number) - (values[1] as number));
    }
    case 'lookup': {
      const key = lookupKey(valueOf(derivation.fact));
      if (key !== undefined && hasOwn(derivation.table, key)) return derivation.table[key];
      return derivation.default;
    }
  }
}

function factLabel(catalog: FactCatalog | undefined, name: string, lang: Language): string {
  const fact = catalog && hasOwn(catalog.facts, name) ? catalog.facts[name] : undefined;
  return `'${fact?.label[lang] ?? name}'`;
}

function list(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items[items.length - 1] as string}`;
}

/** Most table entries an explanation spells out; the rest are counted, so a letter stays readable. */
const SHOWN_ENTRIES = 6;

function optionLabel(catalog: FactCatalog | undefined, fact: string, key: string, lang: Language): string {
  const def = catalog && hasOwn(catalog.facts, fact) ? catalog.facts[fact] : undefined;
  const option = def?.options?.find((o) => o.value === key);
  if (option) return option.label[lang];
  if (key === 'true') return lang === 'nl' ? 'ja' : 'yes';
  if (key === 'false') return lang === 'nl' ? 'nee' : 'no';
  return key;
}

function shown(value: unknown, lang: Language): string {
  if (value === true) return lang === 'nl' ? 'ja' : 'yes';
  if (value === false) return lang === 'nl' ? 'nee' : 'no';
  return typeof value === 'number' ? value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') : String(value);
}

/**
 * How a derived fact is computed, in words for an explanation or a form: "berekend: het aantal hele
 * jaren van 'Geboortedatum partner' tot de peildatum". Labels, never ids.
 */
export function describeDerivation(derivation: Derivation, catalog: FactCatalog | undefined, lang: Language): string {
  const nl = lang === 'nl';
  const head = nl ? 'berekend: ' : 'computed: ';
  switch (derivation.op) {
    case 'years-since':
    case 'weeks-since':
    case 'days-since': {
      const unit = {
        'years-since': nl ? 'hele jaren' : 'whole years',
        'weeks-since': nl ? 'hele weken' : 'whole weeks',
        'days-since': nl ? 'dagen' : 'days',
      }[derivation.op];
      const from = factLabel(catalog, derivation.fact, lang);
      return nl
        ? `${head}het aantal ${unit} van ${from} tot de peildatum`
        : `${head}the number of ${unit} from ${from} to the peildatum`;
    }
    case 'sum': {
      const parts = list(
        derivation.facts.map((f) => factLabel(catalog, f, lang)),
        lang,
      );
      return nl ? `${head}de som van ${parts}` : `${head}the sum of ${parts}`;
    }
    case 'difference': {
      const [a, b] = derivation.facts.map((f) => factLabel(catalog, f, lang));
      return nl ? `${head}${a} min ${b}` : `${head}${a} minus ${b}`;
    }
    case 'lookup': {
      const entries = Object.keys(derivation.table);
      const spelled = entries
        .slice(0, SHOWN_ENTRIES)
        .map((key) => `${optionLabel(catalog, derivation.fact, key, lang)} → ${shown(derivation.table[key], lang)}`);
      if (entries.length > SHOWN_ENTRIES)
        spelled.push(
          nl ? `nog ${entries.length - SHOWN_ENTRIES} waarden` : `${entries.length - SHOWN_ENTRIES} more values`,
        );
      if (derivation.default !== undefined)
        spelled.push(`${nl ? 'anders' : 'otherwise'} ${shown(derivation.default, lang)}`);
      const from = factLabel(catalog, derivation.fact, lang);
      return nl
        ? `${head}opgezocht bij ${from} (${spelled.join('; ')})`
        : `${head}looked up from ${from} (${spelled.join('; ')})`;
    }
  }
}
