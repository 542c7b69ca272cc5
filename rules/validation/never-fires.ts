import { isParameterReference, type Condition, type FactCondition } from '../condition-schema';
import { toEpochDay } from '../dates';
import type { FactCatalog } from '../facts/fact-catalog';
import type { RuleSet } from '../rule-set-schema';

interface Bounds {
  equals: unknown[];
  notEquals: unknown[];
  inLists: unknown[][];
  low: number;
  lowStrict: boolean;
  high: number;
  highStrict: boolean;
}

// Hoisted: a global lookup per call is slow where code runs in a vm context (Jest), and costs nothing to avoid.
const has = (o: object, key: string) => Object.hasOwn(o, key);

/**
 * Conditions looked at per rule. Rules share named conditions, so without a bound 1,000 rules that
 * each refer to one large named condition would cost rules × its size; past the bound the check
 * simply finds nothing more (it only reports contradictions it can see).
 */
const MUST_HOLD_BUDGET = 1_000;

/** The fact conditions that must all hold for the rule to fire: through all, references and one-child any. */
function mustHold(root: Condition, ruleSet: RuleSet): FactCondition[] {
  const out: FactCondition[] = [];
  const seen = new Set<string>();
  const stack: Condition[] = [root];
  let budget = MUST_HOLD_BUDGET;
  while (stack.length > 0 && budget-- > 0) {
    const c = stack.pop() as Condition;
    if (has(c, 'condition')) {
      const name = (c as { condition: string }).condition;
      const target =
        ruleSet.namedConditions && has(ruleSet.namedConditions, name) ? ruleSet.namedConditions[name] : undefined;
      if (target && !seen.has(name)) {
        seen.add(name);
        stack.push(target);
      }
      continue;
    }
    const children = has(c, 'all')
      ? (c as { all: Condition[] }).all
      : has(c, 'any') && (c as { any: Condition[] }).any.length === 1
        ? (c as { any: Condition[] }).any
        : undefined;
    if (children) {
      budget -= children.length;
      if (budget < 0) break;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Condition);
      continue;
    }
    if (has(c, 'fact')) out.push(c as FactCondition);
  }
  return out;
}

function valueOf(c: FactCondition, ruleSet: RuleSet): unknown {
  return isParameterReference(c.value) ? ruleSet.parameters?.[c.value.param]?.value : c.value;
}

function numeric(value: unknown, isDate: boolean): number | undefined {
  if (isDate) return toEpochDay(value);
  return typeof value === 'number' ? value : undefined;
}

function tighten(b: Bounds, operator: string, n: number): void {
  switch (operator) {
    case 'greaterThan':
    case 'dateAfter':
      if (n >= b.low) {
        b.lowStrict = true;
        b.low = n;
      }
      break;
    case 'greaterThanInclusive':
    case 'dateOnOrAfter':
      if (n > b.low) {
        b.low = n;
        b.lowStrict = false;
      }
      break;
    case 'lessThan':
    case 'dateBefore':
      if (n <= b.high) {
        b.highStrict = true;
        b.high = n;
      }
      break;
    case 'lessThanInclusive':
    case 'dateOnOrBefore':
      if (n < b.high) {
        b.high = n;
        b.highStrict = false;
      }
      break;
  }
}

function inside(b: Bounds, n: number): boolean {
  return (b.lowStrict ? n > b.low : n >= b.low) && (b.highStrict ? n < b.high : n <= b.high);
}

/** The values every list holds: one Set per list, so linear in their total length. */
function commonValues(lists: readonly unknown[][]): Set<unknown> {
  let common = new Set(lists[0]);
  for (let i = 1; i < lists.length; i++) {
    const list = new Set(lists[i]);
    const next = new Set<unknown>();
    for (const v of common) if (list.has(v)) next.add(v);
    common = next;
  }
  return common;
}

function contradicts(b: Bounds, isDate: boolean): boolean {
  if (b.low > b.high || (b.low === b.high && (b.lowStrict || b.highStrict))) return true;
  const notEquals = new Set(b.notEquals);
  if (b.equals.length > 0) {
    const first = b.equals[0];
    for (const v of b.equals) if (v !== first) return true;
    if (notEquals.has(first)) return true;
    for (const list of b.inLists) if (!list.includes(first)) return true;
    const n = numeric(first, isDate);
    if (n !== undefined && !inside(b, n)) return true;
  }
  if (b.inLists.length > 0) {
    for (const v of commonValues(b.inLists)) if (!notEquals.has(v)) return false;
    return true;
  }
  return false;
}

/** Facts whose conditions contradict each other, so the rule can never fire; empty when none is detectable. */
export function contradictoryFacts(root: Condition, ruleSet: RuleSet, catalog: FactCatalog): string[] {
  const conditions = mustHold(root, ruleSet);
  const byFact = new Map<string, Bounds>();
  for (const c of conditions) {
    const definition = catalog.facts[c.fact];
    if (!definition) continue;
    const isDate = definition.type === 'date';
    const b = byFact.get(c.fact) ?? {
      equals: [],
      notEquals: [],
      inLists: [],
      low: -Infinity,
      lowStrict: false,
      high: Infinity,
      highStrict: false,
    };
    byFact.set(c.fact, b);
    const value = valueOf(c, ruleSet);
    if (c.operator === 'equal') b.equals.push(value);
    else if (c.operator === 'notEqual') b.notEquals.push(value);
    else if (c.operator === 'in' && Array.isArray(value)) b.inLists.push(value);
    else {
      const n = numeric(value, isDate);
      if (n !== undefined) tighten(b, c.operator, n);
    }
  }
  return [...byFact.entries()]
    .filter(([fact, b]) => contradicts(b, catalog.facts[fact]?.type === 'date'))
    .map(([fact]) => fact);
}
