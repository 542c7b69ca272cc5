import type { Derivation, RuleSet } from '../rule-set-schema';
import { computeDerivation, derivationInputs, MAX_DERIVATION_DEPTH } from './derivation';
import type { DerivationContext, FactCatalog, FactDefinition } from './fact-catalog';
import { factCatalogFor } from './fact-catalogs';
import { FORBIDDEN_FACT_NAMES } from './facts-schema';

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
    if (FORBIDDEN_FACT_NAMES.has(name) || Object.hasOwn(base.facts, name) || !isPlainObject(definition)) continue;
    // The schema's shape is the catalog's (type, label, description, unit, options, range, source, mayBeUnknown).
    facts[name] = definition as unknown as FactDefinition;
  }
  addDerivations(facts, base.facts);
  const catalog: FactCatalog = { ...base, facts };
  cache.set(ruleSet, catalog);
  return catalog;
}

/** The rule set's own facts as it defines them; empty when it has none. */
export function ownFactNames(ruleSet: Pick<RuleSet, 'facts'>): string[] {
  const own = (ruleSet as { facts?: unknown }).facts;
  return isPlainObject(own) ? Object.keys(own) : [];
}

/** A derivation of the shape its op needs: catalogOf also sees drafts that do not validate yet. */
function isDerivation(value: unknown): value is Derivation {
  if (!isPlainObject(value)) return false;
  switch (value.op) {
    case 'years-since':
    case 'weeks-since':
    case 'days-since':
      return typeof value.fact === 'string';
    case 'lookup':
      return typeof value.fact === 'string' && isPlainObject(value.table);
    case 'sum':
    case 'difference':
      return Array.isArray(value.facts) && value.facts.every((f) => typeof f === 'string');
    default:
      return false;
  }
}

/**
 * Gives every own fact with a `derivation` its computation (`derived`): `from` lists the input facts a
 * case supplies — through derived inputs down to theirs (a sum of `age` needs `dateOfBirth`) — so
 * needed facts, onvolledig and `derived-fact-supplied` work as for the built-in derived facts. A
 * derivation that validation would refuse (an unknown input, a cycle, deeper than
 * MAX_DERIVATION_DEPTH) computes nothing: drafts in the editor must not throw here.
 */
function addDerivations(
  facts: Record<string, FactDefinition>,
  builtIn: Readonly<Record<string, FactDefinition>>,
): void {
  const resolved = new Map<string, { from: string[]; depth: number } | null>();
  const onPath = new Set<string>();
  const resolve = (name: string, level: number): { from: string[]; depth: number } | null => {
    const known = resolved.get(name);
    if (known !== undefined) return known;
    const fact = Object.hasOwn(facts, name) ? facts[name] : undefined;
    if (!fact) return null;
    const own = !Object.hasOwn(builtIn, name) && isDerivation(fact.derivation) ? fact.derivation : undefined;
    if (!own) return { from: fact.derived ? [...fact.derived.from] : [name], depth: fact.derived ? 1 : 0 };
    if (onPath.has(name) || level > MAX_DERIVATION_DEPTH) return null;
    onPath.add(name);
    const from = new Set<string>();
    let depth = 0;
    let broken = false;
    for (const input of derivationInputs(own)) {
      const r = resolve(input, level + 1);
      if (!r) {
        broken = true;
        break;
      }
      for (const f of r.from) from.add(f);
      depth = Math.max(depth, r.depth + 1);
    }
    onPath.delete(name);
    const result = broken || depth > MAX_DERIVATION_DEPTH ? null : { from: [...from], depth };
    resolved.set(name, result);
    return result;
  };
  for (const name of Object.keys(facts)) {
    const fact = facts[name] as FactDefinition;
    if (Object.hasOwn(builtIn, name) || !isDerivation(fact.derivation)) continue;
    const derivation = fact.derivation;
    const r = resolve(name, 0);
    facts[name] = {
      ...fact,
      derived: r
        ? { from: r.from, compute: (context) => computeWithin(facts, derivation, context, new Map()) }
        : { from: derivationInputs(derivation), compute: () => undefined },
    };
  }
}

/** One derived value; intermediate derived facts are computed once per top-level computation (`memo`). */
function computeWithin(
  facts: Readonly<Record<string, FactDefinition>>,
  derivation: Derivation,
  context: DerivationContext,
  memo: Map<string, unknown>,
  level = 0,
): unknown {
  // Only derivations that resolved get here, so this bound is never reached; it is the belt to those braces.
  if (level > MAX_DERIVATION_DEPTH) return undefined;
  const valueOf = (input: string): unknown => {
    if (memo.has(input)) return memo.get(input);
    const fact = Object.hasOwn(facts, input) ? facts[input] : undefined;
    let value: unknown;
    if (!fact?.derived) value = context.facts[input];
    else if (fact.derived.from.some((f) => context.facts[f] === undefined)) value = undefined;
    else if (fact.derivation && isDerivation(fact.derivation))
      value = computeWithin(facts, fact.derivation, context, memo, level + 1);
    else value = fact.derived.compute(context);
    memo.set(input, value);
    return value;
  };
  return computeDerivation(derivation, valueOf, context.peildatum);
}
