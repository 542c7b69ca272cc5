import request from 'supertest';
import { temporal } from '@temporalio/proto';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';
import { daysAgo } from '../support/municipal-date';

const PROCESS = 'nareiziger-hotelverblijf';
const CASES = 12;

// The product's worker process with TEMPORAL_WORKER_SHARDS=2 on a real dev server: two SDK workers on the
// one task queue (platform/temporal/worker-shards.ts), each with half the cache, both taking cases.
describe('worker shards in the real product', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct(undefined, {
      env: { TEMPORAL_WORKER_SHARDS: '2', TEMPORAL_MAX_CACHED_WORKFLOWS: '40' },
    });
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
  }, 60_000);

  it('polls the task queue with two numbered workers, and cases started and moved on are run by both', async () => {
    const { client } = product.runtime;
    const pollers = await eventually(async () => {
      const res = await client.workflowService.describeTaskQueue({
        namespace: client.options.namespace,
        taskQueue: { name: product.taskQueue },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      const identities = (res.pollers ?? []).map((p) => p.identity ?? '').sort();
      return identities.length >= 2 ? identities : undefined;
    }, 30_000);
    expect(pollers.map((i) => i.replace(/^.*\//, ''))).toEqual(['1', '2']);

    const caseIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const started = await request(product.app)
        .post(`/api/v1/processes/${PROCESS}/cases`)
        .set(product.auth)
        .send({
          caseRef: uniqueId('ZAAK'),
          data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: daysAgo(20) },
        });
      expect(started.status).toBe(201);
      caseIds.push(started.body.caseId as string);
    }
    for (const caseId of caseIds) {
      const placed = await request(product.app)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(product.auth)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: daysAgo(10), hotelMunicipality: TEST_TENANT } });
      expect(placed.status).toBe(200);
      expect(placed.body).toMatchObject({ accepted: true, currentStep: 'coa-betaalde-periode' });
    }

    // Which worker completed each case's workflow tasks (the history records the worker's identity).
    const shardsSeen = new Set<string>();
    for (const caseId of caseIds) {
      const history = await client.workflow.getHandle(caseId).fetchHistory();
      for (const e of history.events ?? []) {
        const identity = e.workflowTaskCompletedEventAttributes?.identity;
        if (identity) shardsSeen.add(identity.replace(/^.*\//, ''));
      }
    }
    expect([...shardsSeen].sort()).toEqual(['1', '2']);
  }, 180_000);
});
