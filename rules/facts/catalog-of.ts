import type { RuleSet } from '../rule-set-schema';
import type { FactCatalog, FactDefinition } from './fact-catalog';
import { factCatalogFor } from './fact-catalogs';
import { FORBIDDEN_FACT_NAMES } from './facts-schema';

const hasOwn = Object.prototype.hasOwnProperty;

// Rule sets are immutable values (a published version never changes), so one catalog per object.
const cache = new WeakMap<object, FactCatalog>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The effective fact catalog of a rule set: the built-in catalog of its kind, extended by the
 * rule set's own `facts`. The catalog lives in the rule set so that a municipality's facts are
 * versioned and published (four-eyes) with the rules that read them, and the version a decision
 * record names also pins the facts it was judged with.
 *
 * A built-in fact is never replaced (validation refuses that as `fact-redefined`), nor is an
 * entry that is not an object or has a forbidden name: this is also called on drafts that do not
 * validate yet (the editor), and must not throw on them. Built-in facts come first, in catalog
 * order, then the municipality's in their own order.
 */
export function catalogOf(ruleSet: Pick<RuleSet, 'kind' | 'facts'>): FactCatalog {
  const base = factCatalogFor(ruleSet.kind);
  const own = (ruleSet as { facts?: unknown }).facts;
  if (!isPlainObject(own) || Object.keys(own).length === 0) return base;
  const cached = cache.get(ruleSet);
  if (cached) return cached;
  const facts: Record<string, FactDefinition> = { ...base.facts };
  for (const name of Object.keys(own)) {
    const definition = own[name];
    if (FORBIDDEN_FACT_NAMES.has(name) || hasOwn.call(base.facts, name) || !isPlainObject(definition)) continue;
    // The schema's shape is the catalog's (type, label, description, unit, options, range, source, mayBeUnknown).
    facts[name] = definition as unknown as FactDefinition;
  }
  const catalog: FactCatalog = { ...base, facts };
  cache.set(ruleSet, catalog);
  return catalog;
}

/** The rule set's own facts as it defines them; empty when it has none. */
export function ownFactNames(ruleSet: Pick<RuleSet, 'facts'>): string[] {
  const own = (ruleSet as { facts?: unknown }).facts;
  return isPlainObject(own) ? Object.keys(own) : [];
}
