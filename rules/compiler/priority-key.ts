import type { Condition } from '../condition-schema';

/**
 * How json-rules-engine 7 ranks sibling conditions (rule.js prioritizeConditions, condition.js):
 * a group (all/any/not) gets parseInt(priority) || 1; a fact condition or a reference keeps its
 * priority as written (Condition copies it before parsing) when truthy, else the fact's priority,
 * which is 1 for facts passed to run().
 */
export function conditionPriorityKey(condition: Condition): number {
  const raw = (condition as { priority?: number }).priority;
  if ('all' in condition || 'any' in condition || 'not' in condition) {
    return parseInt(String(raw), 10) || 1;
  }
  return raw || 1;
}

/** json-rules-engine's rule priority: `parseInt(priority || 1)`, and it refuses anything not above zero. */
export function rulePriority(priority: number | undefined): number {
  return parseInt(String(priority || 1), 10);
}

/** Splits siblings into priority groups, highest first, keeping declaration order inside a group. */
export function priorityGroups<T extends { priorityKey: number }>(items: readonly T[]): T[][] {
  const byKey = new Map<number, T[]>();
  for (const item of items) {
    const group = byKey.get(item.priorityKey);
    if (group) group.push(item);
    else byKey.set(item.priorityKey, [item]);
  }
  return [...byKey.keys()].sort((a, b) => b - a).map((k) => byKey.get(k) ?? []);
}
