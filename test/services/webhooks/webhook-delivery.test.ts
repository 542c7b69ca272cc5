import { NativeConnection, Worker } from '@temporalio/worker';
import type { AuthContext } from '../../../server/auth/context';
import { loadCodecKeys } from '../../../platform/codec/codec-keys';
import { EncryptionCodec } from '../../../platform/codec/encryption-codec';
import { freePort } from '../../../platform/temporal/free-port';
import type { PublishedCaseEvent } from '../../../workflows/case-event';
import { getDelivery, listDeliveries, type WebhookDelivery } from '../../../services/webhooks/deliveries';
import { WEBHOOK_DELIVERY_WORKFLOW, type DeliveryRetryPolicy } from '../../../workflows/webhook-delivery-input';
import { createEventPublisher, type EventPublisher } from '../../../services/webhooks/publisher';
import { verifyWebhookSignature } from '../../../services/webhooks/signature';
import { createSubscription } from '../../../services/webhooks/subscriptions';
import { createActivityRegistry } from '../../../worker/activity-registry';
import { storeActivityDeps } from '../../../worker/store-activity-deps';
import { webhookDelivery } from '../../../workflows/webhook-delivery';
import { eventually, OTHER_TENANT, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { createReceiver } from './support/receiver';

const PROCESS = 'nareiziger-hotelverblijf';
const adminOf = (tenant: string): AuthContext => ({
  tenant,
  actor: { kind: 'user', id: `admin-${tenant}`, name: 'admin' },
  roles: ['admin'],
  permissions: [],
});
let seq = 0;
const caseId = (tenant = TEST_TENANT) => `${tenant}-${PROCESS}-${(++seq).toString(16).padStart(24, '0')}`;
const event = (over: Partial<PublishedCaseEvent> = {}): PublishedCaseEvent => ({
  type: 'case.started',
  tenant: TEST_TENANT,
  caseId: caseId(),
  processId: PROCESS,
  step: 'registratie',
  occurredAt: new Date().toISOString(),
  ...over,
});
/** Seconds, not a day: the same policy shape as production. */
const FAST: Partial<DeliveryRetryPolicy> = {
  initialIntervalMs: 300,
  backoffCoefficient: 1.5,
  maximumIntervalMs: 1_000,
  maximumAttempts: 100,
  attemptTimeoutMs: 2_000,
};

describe('webhook delivery through Temporal (embedded dev server)', () => {
  let product: RunningProduct;
  let worker: Worker;
  let running: Promise<void>;
  let connection: NativeConnection;
  const taskQueue = `webhooks-${Date.now()}`;
  const publisher = (retry: Partial<DeliveryRetryPolicy> = FAST): EventPublisher =>
    createEventPublisher({ store: product.product.store, client: product.runtime.client, taskQueue, retry });
  const subscribe = async (
    tenant: string,
    url: string,
    eventTypes: PublishedCaseEvent['type'][] = ['case.started', 'case.completed'],
  ) =>
    createSubscription({ store: product.product.store, clock: () => new Date() }, adminOf(tenant), { url, eventTypes });
  const settled = (tenant: string, subscriptionId: string, count: number, status: WebhookDelivery['status']) =>
    eventually(async () => {
      const items = await listDeliveries(product.product.store.db, tenant, { subscriptionId });
      return items.length === count && items.every((d) => d.status === status) && items;
    }, 40_000);

  beforeAll(async () => {
    product = await startProduct();
    connection = await NativeConnection.connect({ address: product.runtime.address });
    worker = await Worker.create({
      connection,
      namespace: product.runtime.client.options.namespace,
      taskQueue,
      workflowsPath: require.resolve('./support/test-workflows'),
      activities: createActivityRegistry(
        storeActivityDeps(product.product.store, {
          log: { info: () => undefined, warn: () => undefined },
          retry: FAST,
        }),
      ),
      dataConverter: { payloadCodecs: [new EncryptionCodec(loadCodecKeys(product.dataDir))] },
    });
    running = worker.run();
  }, 120_000);
  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
    await connection?.close();
    await product?.stop();
  }, 60_000);

  // Each test subscribes afresh: earlier subscriptions must not receive its events.
  afterEach(async () => {
    await product.product.store.db
      .updateTable('webhook_subscriptions')
      .set({ disabled_at: new Date().toISOString() })
      .where('disabled_at', 'is', null)
      .execute();
  });

  it('names the workflow as the publisher starts it', () => {
    expect(webhookDelivery.name).toBe(WEBHOOK_DELIVERY_WORKFLOW);
  });

  it('delivers a signed body of references only, which the receiver verifies with the secret shown at creation', async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const { subscription, secret } = await subscribe(TEST_TENANT, receiver.url);
      // A careless caller attaches case data: none of it may leave.
      const careless = {
        ...event({ type: 'case.completed', outcome: 'gehuisvest' }),
        data: { name: 'Jan Jansen', vNumber: '1234567890' },
        bsn: '123456782',
      } as PublishedCaseEvent;
      const { eventId } = await publisher().publish(careless);
      const [delivery] = await settled(TEST_TENANT, subscription.id, 1, 'delivered');
      expect(delivery).toMatchObject({
        eventId,
        eventType: 'case.completed',
        attempts: 1,
        lastStatusCode: 204,
        lastError: null,
      });

      expect(receiver.received).toHaveLength(1);
      const got = receiver.received[0]!;
      const verified = verifyWebhookSignature({
        secret,
        header: got.headers['doorstroom-signature'] as string,
        body: got.body,
      });
      expect(verified.ok).toBe(true);
      expect(
        verifyWebhookSignature({
          secret,
          header: got.headers['doorstroom-signature'] as string,
          body: got.body.replace('gehuisvest', 'vertrokken'),
        }),
      ).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
      expect(
        verifyWebhookSignature({
          secret,
          header: got.headers['doorstroom-signature'] as string,
          body: got.body,
          now: Math.floor(Date.now() / 1000) + 600,
        }),
      ).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
      expect(got.headers['doorstroom-event-id']).toBe(eventId);
      expect(got.headers['content-type']).toBe('application/json');

      const body = JSON.parse(got.body);
      expect(Object.keys(body).sort()).toEqual(['data', 'id', 'occurredAt', 'tenant', 'type']);
      expect(body).toEqual({
        id: eventId,
        type: 'case.completed',
        occurredAt: careless.occurredAt,
        tenant: TEST_TENANT,
        data: { caseId: careless.caseId, processId: PROCESS, step: 'registratie', outcome: 'gehuisvest' },
      });
      expect(got.body).not.toMatch(/Jan|Jansen|1234567890|123456782|vNumber|bsn/);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that is down and then up gets every event exactly once, also when an event is published twice', async () => {
    const receiver = createReceiver(await freePort());
    const { subscription, secret } = await subscribe(TEST_TENANT, receiver.url);
    const pub = publisher();
    const first = event({ id: `${caseId()}:started` });
    const derived = event();
    const ids = [
      (await pub.publish(first)).eventId,
      (await pub.publish(event({ type: 'case.completed', outcome: 'gehuisvest' }))).eventId,
      (await pub.publish(derived)).eventId,
    ];
    // Published again (a retried activity, a resent request): no second delivery.
    const again = await pub.publish(first);
    expect(again.deliveries).toEqual([expect.objectContaining({ subscriptionId: subscription.id, started: false })]);
    expect((await pub.publish({ ...derived })).eventId).toBe(ids[2]);

    // Down: attempts fail and are logged while the entries stay pending.
    await eventually(async () => {
      const items = await listDeliveries(product.product.store.db, TEST_TENANT, { subscriptionId: subscription.id });
      return (
        items.length === 3 &&
        items.every(
          (d) =>
            d.status === 'pending' &&
            d.attempts >= 2 &&
            d.lastStatusCode === null &&
            /^DELIVERY_FAILED: /.test(d.lastError ?? ''),
        )
      );
    }, 30_000);

    await receiver.listen();
    try {
      const delivered = await settled(TEST_TENANT, subscription.id, 3, 'delivered');
      expect(delivered.every((d) => d.attempts >= 3 && d.lastStatusCode === 204 && d.deliveredAt !== null)).toBe(true);
      // Give late duplicates a chance to show up before counting.
      await new Promise((r) => setTimeout(r, 1_500));
      const receivedIds = receiver.received.map((r) => r.headers['doorstroom-event-id']);
      expect([...receivedIds].sort()).toEqual([...ids].sort());
      for (const r of receiver.received)
        expect(
          verifyWebhookSignature({ secret, header: r.headers['doorstroom-signature'] as string, body: r.body }).ok,
        ).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that never comes up leaves a failed entry with its last error once the retry budget is spent', async () => {
    const url = `http://127.0.0.1:${await freePort()}/never`;
    const { subscription } = await subscribe(TEST_TENANT, url);
    const { deliveries } = await publisher({
      initialIntervalMs: 200,
      backoffCoefficient: 2,
      maximumIntervalMs: 400,
      maximumAttempts: 3,
    }).publish(event());
    const [failed] = await settled(TEST_TENANT, subscription.id, 1, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: null, status: 'failed' });
    expect(failed!.lastError).toMatch(/^DELIVERY_FAILED: /);
    expect(failed!.lastError).not.toMatch(/ECONNREFUSED|connect/i);
    expect(failed!.failedAt).not.toBeNull();
    const result = await product.runtime.client.workflow.getHandle(deliveries[0]!.workflowId).result();
    expect(result).toMatchObject({ status: 'failed' });
  });

  it('a receiver answering 500 is retried; the log shows the status code', async () => {
    const receiver = createReceiver(await freePort(), 500);
    await receiver.listen();
    try {
      const { subscription } = await subscribe(TEST_TENANT, receiver.url);
      await publisher({ initialIntervalMs: 200, maximumIntervalMs: 200, maximumAttempts: 2 }).publish(event());
      const [failed] = await settled(TEST_TENANT, subscription.id, 1, 'failed');
      expect(failed).toMatchObject({ attempts: 2, lastStatusCode: 500, lastError: 'receiver answered HTTP 500' });
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it("publishes only to the event's own municipality, and refuses an event whose case belongs to another", async () => {
    // One after the other: two free-port look-ups in a row may return the same port.
    const mine = createReceiver(await freePort());
    await mine.listen();
    const theirs = createReceiver(await freePort());
    await theirs.listen();
    try {
      const subMine = await subscribe(TEST_TENANT, mine.url, ['case.deadline-passed']);
      const subTheirs = await subscribe(OTHER_TENANT, theirs.url, ['case.deadline-passed']);
      const result = await publisher().publish(
        event({ type: 'case.deadline-passed', deadline: { id: 'coa-6m', at: '2027-05-20T00:00:00.000Z' } }),
      );
      expect(result.deliveries.map((d) => d.subscriptionId)).toEqual([subMine.subscription.id]);
      await settled(TEST_TENANT, subMine.subscription.id, 1, 'delivered');
      expect(JSON.parse(mine.received[0]!.body).data.deadline).toEqual({
        id: 'coa-6m',
        at: '2027-05-20T00:00:00.000Z',
      });
      expect(theirs.received).toHaveLength(0);
      expect(
        await listDeliveries(product.product.store.db, OTHER_TENANT, { subscriptionId: subTheirs.subscription.id }),
      ).toEqual([]);
      await expect(
        getDelivery(product.product.store.db, OTHER_TENANT, result.deliveries[0]!.deliveryId),
      ).rejects.toMatchObject({ status: 404 });

      await expect(publisher().publish(event({ tenant: OTHER_TENANT }))).rejects.toThrow(/does not belong to tenant/);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('publishCaseEvent works as an activity called from a workflow (the worker’s own client and task queue)', async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const { subscription } = await subscribe(TEST_TENANT, receiver.url, ['case.step-entered']);
      const e = event({ type: 'case.step-entered', step: 'wacht-op-hotelplaatsing', id: `${caseId()}:step:2` });
      const eventId = await product.runtime.client.workflow.execute('publishThroughActivity', {
        taskQueue,
        workflowId: `publish-${Date.now()}`,
        args: [e],
      });
      expect(eventId).toBe(e.id);
      await settled(TEST_TENANT, subscription.id, 1, 'delivered');
      expect(receiver.received.map((r) => JSON.parse(r.body).data.step)).toEqual(['wacht-op-hotelplaatsing']);
    } finally {
      await receiver.close();
    }
  });
});
