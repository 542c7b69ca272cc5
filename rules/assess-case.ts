import { evaluate } from './evaluate';
import type { Explanation } from './explanation/explanation';
import { certaintyOf, undecidingFacts } from './explanation/unknown-facts';
import type { Facts } from './facts/derive-facts';
import type { EnumOption, FactCatalog, FactType } from './facts/fact-catalog';
import { catalogOf } from './facts/catalog-of';
import type { LocalizedText } from './localized-text';
import type { RuleEvent, RuleSet } from './rule-set-schema';

export interface AssessOptions {
  /** The reference date the case is judged on (YYYY-MM-DD). */
  peildatum: string;
  /** Default true. The explanation is always worked out (the assessment needs it); false leaves it out of the result. */
  explain?: boolean;
}

/** A fact the case must still supply, described well enough to ask for it (a form, a task "gegevens aanvullen"). */
export interface MissingFact {
  name: string;
  label: LocalizedText;
  type: FactType;
  unit?: string;
  options?: readonly EnumOption[];
}

export type Assessment =
  | { status: 'complete'; events: RuleEvent[]; explanation?: Explanation }
  | { status: 'incomplete'; missingFacts: MissingFact[]; events: []; explanation?: Explanation };

function describe(catalog: FactCatalog, name: string): MissingFact {
  const fact = catalog.facts[name];
  if (!fact) return { name, label: { nl: name, en: name }, type: 'string' };
  const missing: MissingFact = { name, label: fact.label, type: fact.type };
  if (fact.unit !== undefined) missing.unit = fact.unit;
  if (fact.options) missing.options = fact.options;
  return missing;
}

/** Input facts behind the undecided condition facts: a derived fact is asked for by its missing sources. */
function inputsFor(catalog: FactCatalog, facts: Readonly<Facts>, undecided: Set<string>): string[] {
  const wanted = new Set<string>();
  for (const name of undecided) {
    const derived = Object.prototype.hasOwnProperty.call(catalog.facts, name)
      ? catalog.facts[name]?.derived
      : undefined;
    if (!derived) {
      wanted.add(name);
      continue;
    }
    const absent = derived.from.filter((input) => facts[input] === undefined);
    for (const input of absent.length > 0 ? absent : derived.from) wanted.add(input);
  }
  return Object.keys(catalog.facts).filter((name) => wanted.has(name));
}

/**
 * What a decision calls: validates the facts (coded errors, never coerced), evaluates, and
 * refuses to decide while the outcome of any rule rests on a fact that is unknown and may not be.
 * Then the result is 'incomplete' (onvolledig) with the facts to supply, and no events: a
 * status holder without a date of birth is not "no priority", they are "not yet decided".
 * Facts the outcome does not rest on are not asked for (a permit type 'regulier' settles the
 * status-holder rule whatever the age). Linear in the size of the rule set and the facts.
 */
export function assessCase(ruleSet: RuleSet, facts: Readonly<Facts>, options: AssessOptions): Assessment {
  const { events, explanation } = evaluate(ruleSet, facts, { peildatum: options.peildatum, explain: true });
  const catalog = catalogOf(ruleSet);
  const certainty = certaintyOf(catalog);
  const undecided = new Set<string>();
  const visited = new WeakSet<object>();
  for (const rule of explanation?.rules ?? []) undecidingFacts(rule.conditions, certainty, undecided, visited);
  const keep = options.explain !== false && explanation ? { explanation } : {};
  if (undecided.size === 0) return { status: 'complete', events, ...keep };
  return {
    status: 'incomplete',
    missingFacts: inputsFor(catalog, facts, undecided).map((name) => describe(catalog, name)),
    events: [],
    ...keep,
  };
}
