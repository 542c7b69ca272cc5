import { NO_LABELS, type DigestLabels } from './digest-labels';
import type { Deadline } from '../../workflows/case-state';

/** One deadline of one case inside the window, as collected from Temporal. */
export interface DigestEntry {
  caseId: string;
  processId: string;
  step: string;
  deadline: {
    id: string;
    /** Null when the case state could not be read: only the search attribute's time is known. */
    kind: Deadline['kind'] | null;
    label: string | null;
    at: string;
  };
}

/**
 * The JSON a receiver gets: `id` equals the Doorstroom-Event-Id header. References only (case
 * id, process, step, deadline kind/label/time) — never case data or the caller's case reference,
 * the same rule as the case-event webhooks and the Notificaties API.
 */
export interface DigestBody {
  id: string;
  type: 'deadline-digest';
  generatedAt: string;
  tenant: string;
  window: { from: string; to: string; daysAhead: number; timezone: 'Europe/Amsterdam' };
  totals: { processes: number; cases: number; deadlines: number };
  /** True when more cases matched than one digest lists; totals count the listed ones. */
  truncated: boolean;
  processes: Array<{
    processId: string;
    /** The process's name in Dutch, when the municipality's definition is known. */
    processLabel?: string;
    cases: number;
    deadlines: number;
    items: Array<{ caseId: string; step: string; stepLabel?: string; deadline: DigestEntry['deadline'] }>;
  }>;
}

export const DIGEST_EVENT_TYPE = 'deadline-digest';

/**
 * Groups entries by process (alphabetically), each process's items by time. Copies only the
 * known reference fields, so nothing else a collector attaches can reach a receiver.
 */
export function buildDigest(opts: {
  id: string;
  tenant: string;
  generatedAt: Date;
  from: Date;
  to: Date;
  daysAhead: number;
  entries: DigestEntry[];
  truncated?: boolean;
  /** Names of processes and steps for the people who read the digest. */
  labels?: DigestLabels;
}): DigestBody {
  const labels = opts.labels ?? NO_LABELS;
  const byProcess = new Map<string, DigestEntry[]>();
  for (const e of opts.entries) {
    const list = byProcess.get(e.processId) ?? [];
    list.push(e);
    byProcess.set(e.processId, list);
  }
  const processes = [...byProcess.keys()].sort().map((processId) => {
    const entries = (byProcess.get(processId) ?? [])
      .slice()
      .sort((a, b) => a.deadline.at.localeCompare(b.deadline.at) || a.caseId.localeCompare(b.caseId));
    const processLabel = labels.process(processId);
    return {
      processId,
      ...(processLabel ? { processLabel } : {}),
      cases: new Set(entries.map((e) => e.caseId)).size,
      deadlines: entries.length,
      items: entries.map((e) => ({
        caseId: e.caseId,
        step: e.step,
        ...(labels.step(processId, e.step) ? { stepLabel: labels.step(processId, e.step) } : {}),
        deadline: { id: e.deadline.id, kind: e.deadline.kind, label: e.deadline.label, at: e.deadline.at },
      })),
    };
  });
  return {
    id: opts.id,
    type: DIGEST_EVENT_TYPE,
    generatedAt: opts.generatedAt.toISOString(),
    tenant: opts.tenant,
    window: {
      from: opts.from.toISOString(),
      to: opts.to.toISOString(),
      daysAhead: opts.daysAhead,
      timezone: 'Europe/Amsterdam',
    },
    totals: {
      processes: processes.length,
      cases: new Set(opts.entries.map((e) => e.caseId)).size,
      deadlines: opts.entries.length,
    },
    truncated: opts.truncated ?? false,
    processes,
  };
}

/** The pending deadlines of a case state that fall in [from, to). */
export function deadlinesInWindow(deadlines: readonly Deadline[], from: Date, to: Date): Deadline[] {
  return deadlines.filter((d) => {
    if (d.status !== 'pending') return false;
    const at = Date.parse(d.at);
    return at >= from.getTime() && at < to.getTime();
  });
}
