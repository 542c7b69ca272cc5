import { NativeConnection, Worker } from '@temporalio/worker';
import type { AuthContext } from '../../../server/auth/context';
import { loadCodecKeys } from '../../../platform/codec/codec-keys';
import { EncryptionCodec, KEY_ID_METADATA } from '../../../platform/codec/encryption-codec';
import { freePort } from '../../../platform/temporal/free-port';
import type { PublishedCaseEvent } from '../../../workflows/case-event';
import { ensureDelivery, listDeliveries, type WebhookDelivery } from '../../../services/webhooks/deliveries';
import { WEBHOOK_DELIVERY_WORKFLOW, type DeliveryRetryPolicy } from '../../../workflows/webhook-delivery-input';
import { createEventPublisher, deriveEventId } from '../../../services/webhooks/publisher';
import { createSubscription } from '../../../services/webhooks/subscriptions';
import { createActivityRegistry } from '../../../worker/activity-registry';
import { storeActivityDeps } from '../../../worker/store-activity-deps';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { createReceiver } from './support/receiver';

/**
 * Issue 17: a delivery's workflow id names its municipality, so every payload of the delivery —
 * its result too, which names no municipality itself — is encrypted with that municipality's key.
 * Deliveries started before, under `webhook-<subscription>-<event>`, still complete under their id.
 */
const PROCESS = 'nareiziger-hotelverblijf';
const admin: AuthContext = {
  tenant: TEST_TENANT,
  actor: { kind: 'user', id: 'admin', name: 'admin' },
  roles: ['admin'],
  permissions: [],
};
let seq = 0;
const event = (): PublishedCaseEvent => ({
  type: 'case.started',
  tenant: TEST_TENANT,
  caseId: `${TEST_TENANT}-${PROCESS}-${(++seq).toString(16).padStart(24, '0')}`,
  processId: PROCESS,
  step: 'registratie',
  occurredAt: new Date().toISOString(),
});
const FAST: Partial<DeliveryRetryPolicy> = {
  initialIntervalMs: 300,
  backoffCoefficient: 1.5,
  maximumIntervalMs: 1_000,
  maximumAttempts: 100,
  attemptTimeoutMs: 2_000,
};

describe('webhook delivery workflow ids', () => {
  let product: RunningProduct;
  let worker: Worker;
  let running: Promise<void>;
  let connection: NativeConnection;
  const taskQueue = `webhook-ids-${Date.now()}`;
  const publisher = () =>
    createEventPublisher({ store: product.product.store, client: product.runtime.client, taskQueue, retry: FAST });
  const settled = (subscriptionId: string, status: WebhookDelivery['status']) =>
    eventually(async () => {
      const items = await listDeliveries(product.product.store.db, TEST_TENANT, { subscriptionId });
      return items.length === 1 && items[0]!.status === status && items[0]!;
    }, 40_000);
  /** The key id of every payload in the workflow's raw (encrypted) history. */
  async function keyIdsOf(workflowId: string): Promise<string[]> {
    const raw = await product.runtime.client.workflowService.getWorkflowExecutionHistory({
      namespace: product.runtime.client.options.namespace,
      execution: { workflowId },
    });
    const ids: string[] = [];
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const metadata = (node as { metadata?: Record<string, Uint8Array> }).metadata;
      if (metadata?.[KEY_ID_METADATA]) ids.push(Buffer.from(metadata[KEY_ID_METADATA]).toString());
      for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
    };
    walk(raw.history?.events ?? []);
    return ids;
  }

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

  // Each test subscribes afresh: an earlier subscription must not receive its events.
  afterEach(async () => {
    await product.product.store.db
      .updateTable('webhook_subscriptions')
      .set({ disabled_at: new Date().toISOString() })
      .where('disabled_at', 'is', null)
      .execute();
  });

  it("names the municipality, and the delivery's input and result are under its key", async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const { subscription } = await createSubscription(
        { store: product.product.store, clock: () => new Date() },
        admin,
        { url: receiver.url, eventTypes: ['case.started'] },
      );
      const published = await publisher().publish(event());
      const workflowId = published.deliveries[0]!.workflowId;
      expect(workflowId).toBe(`webhook-${TEST_TENANT}-${subscription.id}-${published.eventId}`);
      await settled(subscription.id, 'delivered');
      const result = await product.runtime.client.workflow.getHandle(workflowId).result();
      expect(result).toEqual({ status: 'delivered', statusCode: 204 });

      const keyIds = await keyIdsOf(workflowId);
      // Input, the activity's input and result, the workflow's result: four payloads at least.
      expect(keyIds.length).toBeGreaterThanOrEqual(4);
      for (const id of keyIds) expect(id).toMatch(new RegExp(`^${TEST_TENANT}\\.`));
    } finally {
      await receiver.close();
    }
  });

  it('lets a delivery started under an old id complete under it, and publishing again starts no second one', async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const { subscription } = await createSubscription(
        { store: product.product.store, clock: () => new Date() },
        admin,
        { url: receiver.url, eventTypes: ['case.started'] },
      );
      const e = event();
      const eventId = deriveEventId(e);
      // What the publisher did before ids named the municipality: log entry, then the workflow.
      const oldId = `webhook-${subscription.id}-${eventId}`;
      const { delivery } = await ensureDelivery(
        product.product.store.db,
        {
          tenantId: TEST_TENANT,
          subscriptionId: subscription.id,
          eventId,
          eventType: e.type,
          caseId: e.caseId,
          workflowId: oldId,
        },
        new Date().toISOString(),
      );
      await product.runtime.client.workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
        taskQueue,
        workflowId: oldId,
        args: [
          {
            deliveryId: delivery.id,
            tenant: TEST_TENANT,
            subscriptionId: subscription.id,
            event: { ...e, id: eventId },
            retry: {
              initialIntervalMs: 300,
              backoffCoefficient: 1.5,
              maximumIntervalMs: 1_000,
              maximumAttempts: 100,
              attemptTimeoutMs: 2_000,
            },
          },
        ],
      });

      const again = await publisher().publish(e);
      expect(again.deliveries).toEqual([
        { subscriptionId: subscription.id, deliveryId: delivery.id, workflowId: oldId, started: false },
      ]);
      await expect(
        product.runtime.client.workflow.getHandle(`webhook-${TEST_TENANT}-${subscription.id}-${eventId}`).describe(),
      ).rejects.toThrow(/not found/i);

      expect(await product.runtime.client.workflow.getHandle(oldId).result()).toEqual({
        status: 'delivered',
        statusCode: 204,
      });
      await settled(subscription.id, 'delivered');
      expect(receiver.received).toHaveLength(1);
      // Its result names no municipality: the ring key, as before.
      expect(await keyIdsOf(oldId)).toContain(loadCodecKeys(product.dataDir).active.id);
    } finally {
      await receiver.close();
    }
  });
});
