import type { FactCatalog } from './fact-catalog';

export type Facts = Record<string, unknown>;

/** Names of the catalog's derived facts, in catalog order. */
export function derivedFactNames(catalog: FactCatalog): string[] {
  return Object.keys(catalog.facts).filter((name) => catalog.facts[name]?.derived !== undefined);
}

/**
 * The one place derived facts are computed. They always come from base facts and the peildatum:
 * a supplied value for a derived fact is replaced, so a decision never rests on a stale number.
 * A derived fact whose inputs are missing is left out (unknown), not guessed.
 */
export function computeDerivedFacts(
  catalog: FactCatalog,
  facts: Readonly<Facts>,
  peildatum: string,
  names: readonly string[],
): Facts {
  const result: Facts = {};
  for (const name of names) {
    const derived = catalog.facts[name]?.derived;
    if (!derived) continue;
    let ready = true;
    for (const input of derived.from) if (facts[input] === undefined) ready = false;
    const value = ready ? derived.compute({ facts, peildatum }) : undefined;
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/** The case's facts with the derived facts filled in (or removed when they cannot be computed). */
export function deriveFacts(
  catalog: FactCatalog,
  facts: Readonly<Facts>,
  peildatum: string,
  only?: readonly string[],
): Facts {
  const names = only ?? derivedFactNames(catalog);
  const result: Facts = {};
  for (const key in facts) {
    if (Object.prototype.hasOwnProperty.call(facts, key)) result[key] = facts[key];
  }
  for (const name of names) delete result[name];
  return Object.assign(result, computeDerivedFacts(catalog, facts, peildatum, names));
}
