import { addDuration } from '../dsl/duration';
import { resolveDurationValue, type CaseScope } from '../dsl/references';
import type { CaseDeadlineSpec, RelativeTime, WaitNode } from '../dsl/schema';
import type { Deadline } from '../case-state';

export type TimeScope = Pick<CaseScope, 'dates' | 'parameters' | 'variables'>;

/**
 * Resolves `from` + `after` − `before` against the case's named dates and the definition's
 * parameters; undefined when the date is not set yet or a parameter does not resolve.
 */
export function resolveTime(at: RelativeTime, s: TimeScope): Date | undefined {
  const base = s.dates[at.from];
  if (base === undefined) return undefined;
  let t = new Date(base);
  for (const [key, sign] of [
    ['after', 1],
    ['before', -1],
  ] as const) {
    const value = at[key];
    if (value === undefined) continue;
    const duration = resolveDurationValue(value, s);
    if (duration === undefined) return undefined;
    t = addDuration(t, duration, sign);
  }
  return t;
}

/** The reminders and timeout of a wait node as absolute deadlines, in time order. */
export function waitDeadlines(node: WaitNode, scope: TimeScope): Deadline[] {
  const out: Deadline[] = [];
  for (const r of node.reminders ?? []) {
    const t = resolveTime(r.at, scope);
    if (t)
      out.push({
        id: `${node.id}:${r.id}`,
        kind: 'reminder',
        nodeId: node.id,
        label: r.label.nl,
        at: t.toISOString(),
        status: 'pending',
      });
  }
  if (node.timeout) {
    const t = resolveTime(node.timeout.at, scope);
    if (t)
      out.push({
        id: `${node.id}:timeout`,
        kind: 'timeout',
        nodeId: node.id,
        label: node.timeout.label.nl,
        at: t.toISOString(),
        status: 'pending',
      });
  }
  // Reminders before the timeout when both fall at the same instant: the reminder is still worth sending.
  return out.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'reminder' ? -1 : 1));
}

/** A case deadline as it stands now: pending with its instant, met, or not yet computable. */
export function caseDeadline(spec: CaseDeadlineSpec, scope: TimeScope, nodeId: string): Deadline | undefined {
  const t = resolveTime(spec.at, scope);
  const met = scope.dates[spec.metBy] !== undefined;
  if (!t && !met) return undefined;
  return {
    id: `case:${spec.id}`,
    kind: 'case',
    nodeId,
    label: spec.label.nl,
    at: t ? t.toISOString() : (scope.dates[spec.metBy] as string),
    status: met ? 'met' : 'pending',
  };
}

/** A date given in an event payload: a calendar date means midnight UTC of that day. */
export function toIsoInstant(value: unknown, now: Date): string {
  if (value === 'now' || value === undefined) return now.toISOString();
  // Replay: the same conversion the recorded histories were made with (a payload's date is a string or a number).
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : new Date(s).toISOString();
}
