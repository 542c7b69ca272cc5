import { addDuration } from '../dsl/duration';
import type { RelativeTime, WaitNode } from '../dsl/schema';
import type { Deadline } from '../case-state';

/** Resolves `from` + `after` − `before` against the case's named dates; undefined when the date is not set yet. */
export function resolveTime(at: RelativeTime, dates: Record<string, string>): Date | undefined {
  const base = dates[at.from];
  if (base === undefined) return undefined;
  let t = new Date(base);
  if (at.after) t = addDuration(t, at.after, 1);
  if (at.before) t = addDuration(t, at.before, -1);
  return t;
}

/** The reminders and timeout of a wait node as absolute deadlines, in time order. */
export function waitDeadlines(node: WaitNode, dates: Record<string, string>): Deadline[] {
  const out: Deadline[] = [];
  for (const r of node.reminders ?? []) {
    const t = resolveTime(r.at, dates);
    if (t) out.push({ id: `${node.id}:${r.id}`, kind: 'reminder', nodeId: node.id, label: r.label.nl, at: t.toISOString(), status: 'pending' });
  }
  if (node.timeout) {
    const t = resolveTime(node.timeout.at, dates);
    if (t) out.push({ id: `${node.id}:timeout`, kind: 'timeout', nodeId: node.id, label: node.timeout.label.nl, at: t.toISOString(), status: 'pending' });
  }
  // Reminders before the timeout when both fall at the same instant: the reminder is still worth sending.
  return out.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'reminder' ? -1 : 1));
}

/** A date given in an event payload: a calendar date means midnight UTC of that day. */
export function toIsoInstant(value: unknown, now: Date): string {
  if (value === 'now' || value === undefined) return now.toISOString();
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : new Date(s).toISOString();
}
