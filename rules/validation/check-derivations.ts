import { isDateInBounds } from '../date-bounds';
import { derivationInputs, MAX_DERIVATION_DEPTH } from '../facts/derivation';
import type { FactCatalog, FactDefinition } from '../facts/fact-catalog';
import { factCatalogFor } from '../facts/fact-catalogs';
import { pointer } from '../json-pointer';
import type { Derivation, MunicipalityFact, RuleSet } from '../rule-set-schema';
import type { RulesIssue } from '../rules-error';
import { namesOnCycles } from './reference-cycles';

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const NUMERIC: ReadonlySet<string> = new Set(['integer', 'number']);
const LOOKUP_INPUTS: ReadonlySet<string> = new Set(['enum', 'string', 'boolean', 'integer']);
const SINCE_UNITS = { 'years-since': 'jaar', 'weeks-since': 'weken', 'days-since': 'dagen' } as const;

type Issue = (code: string, path: string, nl: string, en: string) => void;

/** Whether a table value (or default) fits the derived fact's type; an enum's value must be one of its options. */
function fitsType(value: unknown, fact: MunicipalityFact): boolean {
  switch (fact.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'date':
      return isDateInBounds(value);
    case 'enum':
      return typeof value === 'string' && (fact.options ?? []).some((o) => o.value === value);
    default:
      return false;
  }
}

function keyFits(key: string, input: FactDefinition): boolean {
  if (input.type === 'enum') return (input.options ?? []).some((o) => o.value === key);
  if (input.type === 'boolean') return key === 'true' || key === 'false';
  if (input.type === 'integer') return /^-?(0|[1-9][0-9]{0,14})$/u.test(key);
  return true;
}

function checkOne(name: string, fact: MunicipalityFact, d: Derivation, catalog: FactCatalog, issue: Issue): void {
  const at = (...keys: Array<string | number>) => pointer('facts', name, 'derivation', ...keys);
  const label = fact.label;
  const inputs: Array<[string, string]> =
    'facts' in d ? d.facts.map((f, i) => [f, at('facts', i)]) : [[d.fact, at('fact')]];
  const known: Array<[FactDefinition, string, string]> = [];
  for (const [input, path] of inputs) {
    const def = hasOwn(catalog.facts, input) ? catalog.facts[input] : undefined;
    if (!def) {
      issue(
        'unknown-fact',
        path,
        `'${label.nl}' wordt berekend uit '${input}', maar dat feit bestaat niet.`,
        `'${label.en}' is computed from '${input}', which is not a fact.`,
      );
    } else known.push([def, path, input]);
  }
  const mismatch = (path: string, nl: string, en: string) => issue('derivation-type-mismatch', path, nl, en);
  switch (d.op) {
    case 'years-since':
    case 'weeks-since':
    case 'days-since': {
      for (const [def, path] of known)
        if (def.type !== 'date') mismatch(path, `'${def.label.nl}' is geen datum.`, `'${def.label.en}' is not a date.`);
      if (fact.type !== 'integer')
        mismatch(
          at('op'),
          `'${label.nl}' telt hele jaren, weken of dagen: kies type integer.`,
          `'${label.en}' counts whole years, weeks or days: its type must be integer.`,
        );
      const unit = SINCE_UNITS[d.op];
      if (fact.unit !== undefined && fact.unit !== unit)
        issue(
          'unit-mismatch',
          pointer('facts', name, 'unit'),
          `'${label.nl}' telt in '${unit}', niet in '${fact.unit}'.`,
          `'${label.en}' counts in '${unit}', not in '${fact.unit}'.`,
        );
      return;
    }
    case 'sum':
    case 'difference': {
      for (const [def, path] of known) {
        if (!NUMERIC.has(def.type)) {
          mismatch(path, `'${def.label.nl}' is geen getal.`, `'${def.label.en}' is not a number.`);
        } else if (def.unit !== fact.unit) {
          issue(
            'unit-mismatch',
            path,
            `'${def.label.nl}' heeft eenheid '${def.unit ?? 'geen'}', '${label.nl}' heeft '${fact.unit ?? 'geen'}'.`,
            `'${def.label.en}' has unit '${def.unit ?? 'none'}', '${label.en}' has '${fact.unit ?? 'none'}'.`,
          );
        } else if (fact.type === 'integer' && def.type !== 'integer') {
          mismatch(
            path,
            `'${label.nl}' is een geheel getal, maar '${def.label.nl}' niet.`,
            `'${label.en}' is a whole number, but '${def.label.en}' is not.`,
          );
        }
      }
      if (!NUMERIC.has(fact.type))
        mismatch(
          at('op'),
          `Een som of verschil is een getal: kies type number of integer voor '${label.nl}'.`,
          `A sum or difference is a number: '${label.en}' must be number or integer.`,
        );
      return;
    }
    case 'lookup': {
      const [def, path] = known[0] ?? [];
      if (def && path !== undefined && !LOOKUP_INPUTS.has(def.type))
        mismatch(
          path,
          `Opzoeken kan bij een keuzelijst, tekst, ja/nee of geheel getal; '${def.label.nl}' is ${def.type}.`,
          `A lookup reads an enum, text, yes/no or whole number; '${def.label.en}' is ${def.type}.`,
        );
      for (const key of Object.keys(d.table)) {
        if (def && LOOKUP_INPUTS.has(def.type) && !keyFits(key, def))
          issue(
            'value-not-allowed',
            at('table', key),
            `'${key}' is geen waarde van '${def.label.nl}'.`,
            `'${key}' is not a value of '${def.label.en}'.`,
          );
        if (!fitsType(d.table[key], fact))
          mismatch(
            at('table', key),
            `De waarde bij '${key}' past niet bij '${label.nl}' (${fact.type}).`,
            `The value for '${key}' does not fit '${label.en}' (${fact.type}).`,
          );
      }
      if (d.default !== undefined && !fitsType(d.default, fact))
        mismatch(
          at('default'),
          `De standaardwaarde past niet bij '${label.nl}' (${fact.type}).`,
          `The default does not fit '${label.en}' (${fact.type}).`,
        );
    }
  }
}

/**
 * The rule set's derived own facts: inputs that exist and have the type the computation needs, results
 * of the fact's own type and unit, no cycles (Tarjan, linear) and chains no deeper than
 * MAX_DERIVATION_DEPTH (one memoised pass over the acyclic rest). Linear in facts and inputs; the
 * limits pre-pass has bounded both already.
 */
export function checkDerivations(ruleSet: RuleSet, catalog: FactCatalog, issues: RulesIssue[]): void {
  const builtIn = factCatalogFor(ruleSet.kind).facts;
  const issue: Issue = (code, path, nl, en) => issues.push({ code, path, message: { nl, en } });
  const edges = new Map<string, string[]>();
  for (const [name, fact] of Object.entries(ruleSet.facts ?? {})) {
    if (!fact.derivation || hasOwn(builtIn, name)) continue;
    checkOne(name, fact, fact.derivation, catalog, issue);
    edges.set(name, derivationInputs(fact.derivation));
  }
  const cyclic = namesOnCycles(edges);
  for (const name of edges.keys())
    if (cyclic.has(name))
      issue(
        'derivation-cycle',
        pointer('facts', name, 'derivation'),
        `'${name}' wordt via andere feiten uit zichzelf berekend.`,
        `'${name}' is computed from itself through other facts.`,
      );
  // Depth of the acyclic rest: built-in derived facts count 1, input facts 0.
  const depth = new Map<string, number>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const inputs = edges.get(name);
    if (!inputs || cyclic.has(name)) return hasOwn(builtIn, name) && builtIn[name]?.derived ? 1 : 0;
    depth.set(name, 0); // a guard: cycles are excluded above
    let d = 0;
    for (const input of inputs) d = Math.max(d, depthOf(input) + 1);
    depth.set(name, d);
    return d;
  };
  for (const name of edges.keys()) {
    if (cyclic.has(name)) continue;
    if (depthOf(name) > MAX_DERIVATION_DEPTH)
      issue(
        'derivation-too-deep',
        pointer('facts', name, 'derivation'),
        `'${name}' bouwt voort op meer dan ${MAX_DERIVATION_DEPTH} berekende feiten na elkaar.`,
        `'${name}' builds on more than ${MAX_DERIVATION_DEPTH} computed facts in a row.`,
      );
  }
}
