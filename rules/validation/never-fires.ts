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

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The fact conditions that must all hold for the rule to fire: through all, references and one-child any. */
function mustHold(c: Condition, ruleSet: RuleSet, seen: Set<string>, out: FactCondition[]): void {
  if (has(c, 'condition')) {
    const name = (c as { condition: string }).condition;
    const target = ruleSet.namedConditions?.[name];
    if (target && !seen.has(name)) {
      seen.add(name);
      mustHold(target, ruleSet, seen, out);
    }
    return;
  }
  const children = has(c, 'all') ? (c as { all: Condition[] }).all : has(c, 'any') && (c as { any: Condition[] }).any.length === 1 ? (c as { any: Condition[] }).any : undefined;
  if (children) {
    for (const child of children) mustHold(child, ruleSet, seen, out);
    return;
  }
  if (has(c, 'fact')) out.push(c as FactCondition);
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
    case 'greaterThan': case 'dateAfter':
      if (n >= b.low) { b.lowStrict = true; b.low = n; }
      break;
    case 'greaterThanInclusive': case 'dateOnOrAfter':
      if (n > b.low) { b.low = n; b.lowStrict = false; }
      break;
    case 'lessThan': case 'dateBefore':
      if (n <= b.high) { b.highStrict = true; b.high = n; }
      break;
    case 'lessThanInclusive': case 'dateOnOrBefore':
      if (n < b.high) { b.high = n; b.highStrict = false; }
      break;
  }
}

function inside(b: Bounds, n: number): boolean {
  return (b.lowStrict ? n > b.low : n >= b.low) && (b.highStrict ? n < b.high : n <= b.high);
}

function contradicts(b: Bounds, isDate: boolean): boolean {
  if (b.low > b.high || (b.low === b.high && (b.lowStrict || b.highStrict))) return true;
  const [first, ...rest] = b.equals;
  if (b.equals.length > 0) {
    if (rest.some((v) => v !== first)) return true;
    if (b.notEquals.includes(first)) return true;
    if (b.inLists.some((list) => !list.includes(first))) return true;
    const n = numeric(first, isDate);
    if (n !== undefined && !inside(b, n)) return true;
  }
  if (b.inLists.length > 0) {
    const common = b.inLists.reduce((acc, list) => acc.filter((v) => list.includes(v)));
    if (common.every((v) => b.notEquals.includes(v))) return true;
  }
  return false;
}

/** Facts whose conditions contradict each other, so the rule can never fire; empty when none is detectable. */
export function contradictoryFacts(root: Condition, ruleSet: RuleSet, catalog: FactCatalog): string[] {
  const conditions: FactCondition[] = [];
  mustHold(root, ruleSet, new Set(), conditions);
  const byFact = new Map<string, Bounds>();
  for (const c of conditions) {
    const definition = catalog.facts[c.fact];
    if (!definition) continue;
    const isDate = definition.type === 'date';
    const b = byFact.get(c.fact) ?? { equals: [], notEquals: [], inLists: [], low: -Infinity, lowStrict: false, high: Infinity, highStrict: false };
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
  return [...byFact.entries()].filter(([fact, b]) => contradicts(b, catalog.facts[fact]?.type === 'date')).map(([fact]) => fact);
}
