import type { Client } from '@temporalio/client';
import { decodeTypedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { visibilityQuery } from '../cases/case-query';
import type { CaseService } from '../cases/case-service';
import { SA_NEXT_DEADLINE, SA_PROCESS, SA_STEP } from '../../workflows/search-attributes';
import type { MonitorChange } from '../../contract/monitor';

/** What a subscriber receives (contract/monitor.ts): references and codes only, never case data. */
export type ChangeMessage = MonitorChange;

interface Subscriber {
  watch: Set<string>;
  send(msg: ChangeMessage): void;
}

interface TenantLoop {
  subscribers: Set<Subscriber>;
  snapshot: Map<string, string>;
  pending: Set<string>;
  since: number;
  counts: string;
  timer?: NodeJS.Timeout;
  busy: boolean;
}

export interface LiveHubDeps {
  client: Client;
  namespace: string;
  intervalMs?: number;
  /** Visibility lags the workflow slightly: each poll looks this far back again. */
  overlapMs?: number;
}

const STATUS: Record<number, string> = {
  1: 'running',
  2: 'completed',
  3: 'failed',
  4: 'cancelled',
  5: 'terminated',
  6: 'continued_as_new',
  7: 'timed_out',
};
const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const MAX_WATCH = 500;

/**
 * Live updates for the monitor. One poll loop per municipality with listeners, once a second,
 * against Temporal visibility — so it sees changes made by timers, by workers and by other
 * server replicas, not only by this process:
 * - cases started or closed since the last poll;
 * - the cases the listeners watch (the rows or the case page on screen), compared with the last poll;
 * - the running and overdue counts, for the dashboard.
 * Cases this process changes (`notify`, or the case service from `wrap`) are checked on the next tick.
 */
export function createLiveHub(deps: LiveHubDeps) {
  const interval = deps.intervalMs ?? 1000;
  const overlap = deps.overlapMs ?? 3000;
  const loops = new Map<string, TenantLoop>();

  const list = async (query: string, pageSize: number) =>
    (await deps.client.workflowService.listWorkflowExecutions({ namespace: deps.namespace, query, pageSize }))
      .executions ?? [];

  function describe(wf: Awaited<ReturnType<typeof list>>[number]) {
    const sa = decodeTypedSearchAttributes(wf.searchAttributes?.indexedFields);
    const status = STATUS[Number(wf.status ?? 0)] ?? 'unknown';
    const c = {
      caseId: wf.execution?.workflowId ?? '',
      processId: sa.get(SA_PROCESS) ?? '',
      step: sa.get(SA_STEP) ?? '',
      status,
    };
    return { c, fingerprint: `${c.step}|${status}|${sa.get(SA_NEXT_DEADLINE)?.toISOString() ?? ''}` };
  }

  async function tick(tenant: string, loop: TenantLoop): Promise<void> {
    const now = Date.now();
    const base = visibilityQuery(tenant, {}, new Date(now));
    const since = new Date(loop.since - overlap).toISOString();
    const watched = [...new Set([...[...loop.subscribers].flatMap((s) => [...s.watch]), ...loop.pending])].slice(
      0,
      MAX_WATCH,
    );
    loop.pending.clear();
    const [recent, watchedNow, running, overdue] = await Promise.all([
      list(`${base} AND (StartTime >= ${quote(since)} OR CloseTime >= ${quote(since)})`, 200),
      watched.length
        ? list(`${base} AND WorkflowId IN (${watched.map(quote).join(', ')})`, watched.length)
        : Promise.resolve([]),
      deps.client.workflow.count(visibilityQuery(tenant, { status: 'running' }, new Date(now))),
      deps.client.workflow.count(visibilityQuery(tenant, { overdue: true }, new Date(now))),
    ]);
    loop.since = now;
    const changed = new Map<string, ChangeMessage['cases'][number]>();
    for (const wf of [...recent, ...watchedNow]) {
      const { c, fingerprint } = describe(wf);
      if (loop.snapshot.get(c.caseId) !== fingerprint) {
        loop.snapshot.set(c.caseId, fingerprint);
        changed.set(c.caseId, c);
      }
    }
    if (loop.snapshot.size > 20000) loop.snapshot.clear();
    const counts = `${running.count}|${overdue.count}`;
    const countsChanged = loop.counts !== '' && loop.counts !== counts;
    const first = loop.counts === '';
    loop.counts = counts;
    // The first poll only learns what is there; it changes nothing.
    if (first || (changed.size === 0 && !countsChanged)) return;
    const msg: ChangeMessage = {
      type: 'changed',
      at: new Date(now).toISOString(),
      cases: [...changed.values()].slice(0, 100),
      countsChanged,
    };
    for (const s of loop.subscribers) s.send(msg);
  }

  function schedule(tenant: string, loop: TenantLoop): void {
    loop.timer = setTimeout(() => {
      if (loop.subscribers.size === 0) return;
      loop.busy = true;
      tick(tenant, loop)
        .catch(() => undefined)
        .finally(() => {
          loop.busy = false;
          if (loop.subscribers.size > 0) schedule(tenant, loop);
        });
    }, interval);
    loop.timer.unref?.();
  }

  const hub = {
    /** Listens to a municipality's changes; returns the function that stops listening. */
    subscribe(tenant: string, watch: string[], send: (msg: ChangeMessage) => void): () => void {
      let loop = loops.get(tenant);
      if (!loop) {
        loop = {
          subscribers: new Set(),
          snapshot: new Map(),
          pending: new Set(),
          since: Date.now(),
          counts: '',
          busy: false,
        };
        loops.set(tenant, loop);
      }
      const sub: Subscriber = { watch: new Set(watch.slice(0, MAX_WATCH)), send };
      loop.subscribers.add(sub);
      if (loop.subscribers.size === 1 && !loop.busy) schedule(tenant, loop);
      const l = loop;
      return () => {
        l.subscribers.delete(sub);
        if (l.subscribers.size === 0) {
          clearTimeout(l.timer);
          loops.delete(tenant);
        }
      };
    },

    /** A hook: this case changed (an event, a start, a cancel) — check it on the next tick. */
    notify(tenant: string, caseId: string): void {
      loops.get(tenant)?.pending.add(caseId);
    },

    /** The case service with a notification after every change it makes. */
    wrap(cases: CaseService): CaseService {
      return {
        ...cases,
        async start(tenant, processId, caseRef, data) {
          const r = await cases.start(tenant, processId, caseRef, data);
          hub.notify(tenant, r.caseId);
          return r;
        },
        async sendEvent(tenant, caseId, event) {
          try {
            return await cases.sendEvent(tenant, caseId, event);
          } finally {
            hub.notify(tenant, caseId);
          }
        },
        async cancel(tenant, caseId) {
          await cases.cancel(tenant, caseId);
          hub.notify(tenant, caseId);
        },
      };
    },

    listeners: (tenant: string) => loops.get(tenant)?.subscribers.size ?? 0,

    stop(): void {
      for (const l of loops.values()) {
        clearTimeout(l.timer);
        l.subscribers.clear();
      }
      loops.clear();
    },
  };
  return hub;
}

export type LiveHub = ReturnType<typeof createLiveHub>;
