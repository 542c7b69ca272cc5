import { readSource, type CaseScope } from './references';
import type { CheckCondition, CheckNode } from './schema';

/** The outcome of a check step, as the case keeps it (`assign`) and the history tells it. */
export interface CheckResult {
  passed: boolean;
  /** Conditions judged and not met. */
  failed: string[];
  /** Conditions that could not be judged: a value or limit that is not a number (e.g. a limit not filled in). */
  unknown: string[];
}

type Judged = 'held' | 'failed' | 'unknown';

const COMPARE: Record<CheckCondition['operator'], (a: number, b: number) => boolean> = {
  lessThan: (a, b) => a < b,
  lessThanInclusive: (a, b) => a <= b,
  greaterThan: (a, b) => a > b,
  greaterThanInclusive: (a, b) => a >= b,
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
};

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One condition: numbers only, never coerced ("5" is not 5), so a wrong type is "unknown", not a guess. */
export function judgeCondition(c: CheckCondition, scope: CaseScope): Judged {
  const value = asNumber(readSource(c.value, scope));
  const base = asNumber(readSource(c.limit, scope));
  const plus = c.plus === undefined ? 0 : asNumber(readSource(c.plus, scope));
  if (value === undefined || base === undefined || plus === undefined) return 'unknown';
  return COMPARE[c.operator](value, base + plus) ? 'held' : 'failed';
}

/** Every condition must hold; one that fails or cannot be judged sends the case the `fail` way. Pure. */
export function evaluateCheck(node: CheckNode, scope: CaseScope): CheckResult {
  const failed: string[] = [];
  const unknown: string[] = [];
  for (const c of node.conditions) {
    const judged = judgeCondition(c, scope);
    if (judged === 'failed') failed.push(c.id);
    if (judged === 'unknown') unknown.push(c.id);
  }
  return { passed: failed.length === 0 && unknown.length === 0, failed, unknown };
}
