import type { Condition } from '../condition-schema';
import { pointer } from '../json-pointer';
import type { LocalizedText } from '../localized-text';
import type { MunicipalityFact, RuleSet } from '../rule-set-schema';
import { RulesError } from '../rules-error';
import { factCatalogFor } from './fact-catalogs';
import { FORBIDDEN_FACT_NAMES } from './facts-schema';

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/u;
const MAX_NAME = 100;
const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

export interface RenameResult {
  ruleSet: RuleSet;
  /** Conditions (in rules and named conditions) and derivations that now name the new fact. */
  uses: number;
  /** What happened, for the editor to show. */
  message: LocalizedText;
}

type Json = Record<string, unknown>;

/**
 * A copy of one condition tree with every fact condition on `from` on `to` instead; the tree itself
 * when nothing changes. An explicit stack, so no tree depth costs call-stack depth; each node once.
 */
function renameIn(root: Condition, from: string, to: string, count: { uses: number; seen: boolean }): Condition {
  const copies = new Map<object, Json>();
  const order: Json[] = [];
  const stack: Json[] = [root as unknown as Json];
  // First pass: find the nodes to copy (every ancestor of a renamed fact condition is copied too).
  const parent = new Map<object, Json | undefined>([[root, undefined]]);
  let changed = false;
  while (stack.length > 0) {
    const node = stack.pop() as Json;
    if (node === null || typeof node !== 'object') continue;
    order.push(node);
    if (typeof node.fact === 'string') {
      if (node.fact === from) {
        changed = true;
        count.uses++;
        for (let n: Json | undefined = node; n !== undefined && !copies.has(n); n = parent.get(n))
          copies.set(n, { ...n });
      } else if (node.fact === to) count.seen = true;
      continue;
    }
    const children = Array.isArray(node.all)
      ? node.all
      : Array.isArray(node.any)
        ? node.any
        : node.not
          ? [node.not]
          : [];
    for (const child of children as Json[]) {
      if (child === null || typeof child !== 'object' || parent.has(child)) continue;
      parent.set(child, node);
      stack.push(child);
    }
  }
  if (!changed) return root;
  // Second pass, children before parents: copies point at copies, the rest stays shared.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as Json;
    const copy = copies.get(node);
    if (!copy) continue;
    if (copy.fact === from) copy.fact = to;
    const swap = (c: unknown) => (c !== null && typeof c === 'object' ? (copies.get(c) ?? c) : c);
    if (Array.isArray(copy.all)) copy.all = copy.all.map(swap);
    else if (Array.isArray(copy.any)) copy.any = copy.any.map(swap);
    else if (copy.not) copy.not = swap(copy.not);
  }
  return copies.get(root) as unknown as Condition;
}

function refuse(code: string, path: string, nl: string, en: string): never {
  throw new RulesError(code, { nl, en }, path);
}

/**
 * Renames one of the rule set's own facts and every use of it: fact conditions in the rules and named
 * conditions, and the inputs of derived own facts. Pure: the rule set given is not changed, parts
 * without the fact are shared. Refused with a coded RulesError when the new name is not a valid fact
 * name, is a built-in fact or another own fact, or is already read by a condition (two facts would
 * merge into one), or when `from` is not an own fact. Linear in the rule set.
 */
export function renameFact(ruleSet: RuleSet, from: string, to: string): RenameResult {
  const own = ruleSet.facts ?? {};
  const at = pointer('facts', from);
  if (!hasOwn(own, from))
    refuse(
      'unknown-fact',
      at,
      `'${from}' is geen eigen gegeven van deze regelset.`,
      `'${from}' is not an own fact of this rule set.`,
    );
  if (from === to) return { ruleSet, uses: 0, message: { nl: 'Naam ongewijzigd.', en: 'Name unchanged.' } };
  if (FORBIDDEN_FACT_NAMES.has(to) || !NAME.test(to) || to.length > MAX_NAME)
    refuse(
      'invalid-name',
      at,
      `'${to}' is geen geldige naam: begin met een letter; daarna letters, cijfers, - of _.`,
      `'${to}' is not a valid name: start with a letter, then letters, digits, - or _.`,
    );
  const builtIn = factCatalogFor(ruleSet.kind).facts;
  if (hasOwn(builtIn, to))
    refuse(
      'fact-redefined',
      at,
      `'${to}' is al een feit van de catalogus; kies een andere naam.`,
      `'${to}' is already a fact of the catalog; choose another name.`,
    );
  if (hasOwn(own, to))
    refuse('fact-exists', at, `Er is al een eigen gegeven '${to}'.`, `There already is an own fact '${to}'.`);

  const count = { uses: 0, seen: false };
  const rules = ruleSet.rules.map((rule) => {
    const conditions = renameIn(rule.conditions, from, to, count);
    return conditions === rule.conditions ? rule : { ...rule, conditions: conditions as typeof rule.conditions };
  });
  let namedConditions = ruleSet.namedConditions;
  if (namedConditions) {
    const renamed: NonNullable<RuleSet['namedConditions']> = {};
    for (const [name, c] of Object.entries(namedConditions))
      renamed[name] = renameIn(c, from, to, count) as (typeof renamed)[string];
    namedConditions = renamed;
  }
  if (count.seen)
    refuse(
      'rename-target-in-use',
      at,
      `Voorwaarden lezen al een gegeven '${to}'; met deze naam zouden twee gegevens samenvallen.`,
      `Conditions already read a fact '${to}'; with this name two facts would become one.`,
    );
  const facts: Record<string, MunicipalityFact> = {};
  for (const [name, fact] of Object.entries(own)) {
    let next = fact;
    // A draft's derivation may not have its shape yet (the JSON tab): only what is there is renamed.
    const d = fact.derivation as { facts?: unknown; fact?: unknown } | undefined;
    if (d && Array.isArray(d.facts) && d.facts.includes(from)) {
      count.uses += d.facts.filter((f) => f === from).length;
      const facts = d.facts.map((f: unknown) => (f === from ? to : f));
      next = { ...fact, derivation: { ...d, facts } as unknown as MunicipalityFact['derivation'] };
    } else if (d && d.fact === from) {
      count.uses++;
      next = { ...fact, derivation: { ...d, fact: to } as unknown as MunicipalityFact['derivation'] };
    }
    facts[name === from ? to : name] = next;
  }
  const result: RuleSet = { ...ruleSet, facts, rules };
  if (namedConditions) result.namedConditions = namedConditions;
  const n = count.uses;
  return {
    ruleSet: result,
    uses: n,
    message: {
      nl: `Hernoemd naar '${to}'; ${n === 1 ? '1 verwijzing' : `${n} verwijzingen`} aangepast.`,
      en: `Renamed to '${to}'; ${n === 1 ? '1 use' : `${n} uses`} updated.`,
    },
  };
}
