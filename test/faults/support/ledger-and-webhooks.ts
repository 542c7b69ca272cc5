import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { freePort } from '../../../platform/temporal/free-port';
import { api } from '../../support/product-process';
import { createReceiver, type Receiver } from '../../services/webhooks/support/receiver';
import type { Session } from './people';
import { waitFor } from './product-under-fault';

/** What a municipality's system subscribes to: every case event a hotel stay produces. */
export const SUBSCRIBED = ['case.started', 'case.step-entered', 'case.completed'] as const;

export interface WebhookWatch {
  receiver: Receiver;
  subscriptionId: string;
  close(): Promise<void>;
}

/** A real receiver on loopback and a subscription to it, made by the administrator through the API. */
export async function subscribeReceiver(base: string, admin: Session): Promise<WebhookWatch> {
  const receiver = createReceiver(await freePort());
  await receiver.listen();
  const res = await api(
    base,
    'POST',
    '/webhooks/subscriptions',
    { url: receiver.url, eventTypes: [...SUBSCRIBED], description: 'storingstest' },
    admin.headers,
  );
  if (res.status !== 201) {
    await receiver.close();
    throw new Error(`subscription: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { receiver, subscriptionId: res.body.subscription.id as string, close: () => receiver.close() };
}

/** The product's own SQLite file, read-only beside the running product (WAL lets a reader in). */
export function readStore(dataDir: string) {
  const open = () =>
    new BetterSqlite3(path.join(dataDir, 'doorstroom.sqlite'), { readonly: true, fileMustExist: true });
  return {
    /** Rows of the taakstelling ledger per case. */
    placements(): Map<string, Array<{ node_id: string; half_year: string; municipality: string }>> {
      const db = open();
      try {
        const rows = db
          .prepare('SELECT case_id, node_id, half_year, municipality FROM quota_placements')
          .all() as Array<{
          case_id: string;
          node_id: string;
          half_year: string;
          municipality: string;
        }>;
        const byCase = new Map<string, Array<{ node_id: string; half_year: string; municipality: string }>>();
        for (const { case_id, ...r } of rows) byCase.set(case_id, [...(byCase.get(case_id) ?? []), r]);
        return byCase;
      } finally {
        db.close();
      }
    },
    /** The delivery log of one subscription. */
    deliveries(
      subscriptionId: string,
    ): Array<{ event_id: string; event_type: string; case_id: string; status: string }> {
      const db = open();
      try {
        return db
          .prepare('SELECT event_id, event_type, case_id, status FROM webhook_deliveries WHERE subscription_id = ?')
          .all(subscriptionId) as Array<{ event_id: string; event_type: string; case_id: string; status: string }>;
      } finally {
        db.close();
      }
    },
  };
}

/** What a receiver saw: per event id how often it came, and whether header and body agreed on the id. */
export function received(receiver: Receiver) {
  const times = new Map<string, number>();
  const byCase = new Map<string, Map<string, Set<string>>>();
  let idMismatch = 0;
  for (const r of receiver.received) {
    const body = JSON.parse(r.body) as { id: string; type: string; data: { caseId: string } };
    if (r.headers['doorstroom-event-id'] !== body.id) idMismatch += 1;
    times.set(body.id, (times.get(body.id) ?? 0) + 1);
    const types = byCase.get(body.data.caseId) ?? new Map<string, Set<string>>();
    types.set(body.type, (types.get(body.type) ?? new Set()).add(body.id));
    byCase.set(body.data.caseId, types);
  }
  return {
    times,
    idMismatch,
    /** Distinct event ids of a type received for a case. */
    distinct: (caseId: string, type: string) => byCase.get(caseId)?.get(type)?.size ?? 0,
    /** Requests that repeated an id already received (allowed: at least once; the id lets a receiver skip them). */
    duplicates: [...times.values()].reduce((n, t) => n + t - 1, 0),
  };
}

/** The webhooks a case must have produced, by type, read from its own history. */
export function expectedEvents(state: { status: string; history?: Array<{ type: string }> }): Record<string, number> {
  return {
    'case.started': 1,
    'case.step-entered': (state.history ?? []).filter((h) => h.type === 'step-entered').length,
    'case.completed': state.status === 'completed' ? 1 : 0,
  };
}

/**
 * Waits until every webhook the cases' histories imply has reached the receiver and the delivery
 * log has nothing pending (within `settleMs`), then checks: each event at least once, with one
 * stable id (header = body); every logged delivery arrived; nothing arrived that the log does not
 * know. Gives the figures.
 */
export async function verifyWebhooks(
  store: ReturnType<typeof readStore>,
  watch: WebhookWatch,
  states: Map<string, { status: string; history?: Array<{ type: string }> }>,
  settleMs: number,
) {
  const expected = new Map([...states].map(([caseId, state]) => [caseId, expectedEvents(state)]));
  const missing = () => {
    const got = received(watch.receiver);
    let n = 0;
    for (const [caseId, byType] of expected)
      for (const [type, count] of Object.entries(byType)) n += Math.max(0, count - got.distinct(caseId, type));
    return n;
  };
  const settledAt = Date.now();
  await waitFor(
    () => {
      const pending = store.deliveries(watch.subscriptionId).filter((d) => d.status !== 'delivered');
      return `every webhook to be delivered (missing at the receiver: ${missing()}; not delivered in the log: ${pending.length}, e.g. ${JSON.stringify(pending.slice(0, 5))})`;
    },
    () =>
      missing() === 0 &&
      store.deliveries(watch.subscriptionId).every((d) => d.status === 'delivered') &&
      store.deliveries(watch.subscriptionId),
    settleMs,
    500,
  );
  const log = store.deliveries(watch.subscriptionId);
  const got = received(watch.receiver);
  for (const [caseId, byType] of expected)
    for (const [type, count] of Object.entries(byType))
      expect({ caseId, type, distinct: got.distinct(caseId, type) }).toEqual({ caseId, type, distinct: count });
  // Every logged delivery reached the receiver, and the receiver got nothing the log does not know.
  expect(log.filter((d) => !got.times.has(d.event_id))).toEqual([]);
  expect([...got.times.keys()].filter((id) => !log.some((d) => d.event_id === id))).toEqual([]);
  const webhooksExpected = [...expected.values()].reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0);
  return {
    webhooksExpected,
    webhooksReceived: watch.receiver.received.length,
    webhooksDistinct: got.times.size,
    webhookDuplicates: got.duplicates,
    webhookIdMismatch: got.idMismatch,
    webhooksLost: webhooksExpected - got.times.size,
    webhooksSettleMs: Date.now() - settledAt,
  };
}
