import type { ConditionExplanation, GroupConditionExplanation } from '../explanation/explanation';
import type { Facts } from '../facts/derive-facts';
import type { CompiledCondition, EvaluationContext } from './compiled-condition';
import { priorityGroups } from './priority-key';

type Test = (facts: Facts, context: EvaluationContext) => boolean;

/**
 * json-rules-engine (rule.js prioritizeAndRun): no children is true for both all and any; one child
 * is that child; otherwise the children run in priority groups, highest first. A whole group runs
 * (Promise.all), and once a group decides the result the lower groups are skipped.
 */
function groupTest(kind: 'all' | 'any', members: readonly CompiledCondition[]): Test {
  const tests = members.map((m) => m.test);
  // A member that may throw must run even when a sibling already decided, or we would swallow the error.
  const runAll = members.some((m) => m.mayThrow);
  if (kind === 'all') {
    if (!runAll)
      return (f, c) => {
        for (const t of tests) if (!t(f, c)) return false;
        return true;
      };
    return (f, c) => {
      let ok = true;
      for (const t of tests) if (!t(f, c)) ok = false;
      return ok;
    };
  }
  if (!runAll)
    return (f, c) => {
      for (const t of tests) if (t(f, c)) return true;
      return false;
    };
  return (f, c) => {
    let ok = false;
    for (const t of tests) if (t(f, c)) ok = true;
    return ok;
  };
}

function combine(kind: 'all' | 'any', groups: readonly Test[]): Test {
  if (groups.length === 1) return groups[0] as Test;
  if (kind === 'all')
    return (f, c) => {
      for (const g of groups) if (!g(f, c)) return false;
      return true;
    };
  return (f, c) => {
    for (const g of groups) if (g(f, c)) return true;
    return false;
  };
}

export function compileGroup(
  kind: 'all' | 'any',
  children: CompiledCondition[],
  path: string,
  priorityKey: number,
): CompiledCondition {
  const node = (
    status: GroupConditionExplanation['status'],
    conditions: ConditionExplanation[],
  ): GroupConditionExplanation => ({ kind, status, path, conditions });
  const skip = (f: Facts, c: EvaluationContext) =>
    node(
      'not-evaluated',
      children.map((child) => child.skip(f, c)),
    );
  const mayThrow = children.some((c) => c.mayThrow);

  if (children.length === 0) {
    return { test: () => true, explain: () => node('held', []), skip, mayThrow, priorityKey };
  }
  if (children.length === 1) {
    const only = children[0] as CompiledCondition;
    return {
      test: only.test,
      explain: (f, c) => {
        const inner = only.explain(f, c);
        return node(inner.status, [inner]);
      },
      skip,
      mayThrow,
      priorityKey,
    };
  }

  const groups = priorityGroups(children);
  const test = combine(
    kind,
    groups.map((members) => groupTest(kind, members)),
  );
  // Explanations keep declaration order, whatever order the priority groups ran in.
  const order = new Map(children.map((c, i) => [c, i]));
  const decidedBy = kind === 'all' ? 'failed' : 'held';

  const explain = (f: Facts, c: EvaluationContext): GroupConditionExplanation => {
    const out: ConditionExplanation[] = new Array<ConditionExplanation>(children.length);
    let decided = false;
    for (const members of groups) {
      if (decided) {
        for (const m of members) out[order.get(m) as number] = m.skip(f, c);
        continue;
      }
      for (const m of members) {
        const e = m.explain(f, c);
        if (e.status === decidedBy) decided = true;
        out[order.get(m) as number] = e;
      }
    }
    const held = kind === 'all' ? !decided : decided;
    return node(held ? 'held' : 'failed', out);
  };
  return { test, explain, skip, mayThrow, priorityKey };
}
