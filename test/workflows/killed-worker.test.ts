import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { processInterpreter } from '../../workflows/interpreter';
import type { PlacementCount } from '../../workflows/activity-types';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  createRecorder,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { dateOf, harCaseInput, uniqueId } from '../support/factories';

describe('a worker killed in the middle of a case (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('stops between two activities; a new worker finishes the case and no step runs twice', async () => {
    const taskQueue = uniqueId('killed');
    const recorder = createRecorder();
    const stoppable: { worker?: RecordingWorker['worker'] } = {};
    // The ledger stops the first worker right after counting: the next activity (funding notice) is not run yet.
    const quota = {
      async record(p: PlacementCount) {
        const result = await recorder.quota.record(p);
        if (stoppable.worker?.getState() === 'RUNNING') setImmediate(() => stoppable.worker?.shutdown());
        return result;
      },
    };
    // No sticky cache: the test server never moves a stopped worker's sticky tasks back to the shared queue.
    const first = await createRecordingWorker(
      env,
      taskQueue,
      { shutdownGraceTime: '10 seconds', maxCachedWorkflows: 0 },
      { quota },
      recorder,
    );
    stoppable.worker = first.worker;
    const running = first.worker.run();

    const workflowId = uniqueId('GM0363-har');
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId,
      args: [harCaseInput()],
    });
    await waitForStep(handle, 'wacht-op-plaatsing');
    // Answered only once the case waits again, which needs the second worker: do not await it yet.
    const placed: Promise<unknown> = handle.executeUpdate(sendEventUpdate, {
      args: [
        { name: 'plaatsing-bevestigd', payload: { scheme: 'HAR', placementDate: dateOf(await env.currentTimeMs()) } },
      ],
    });
    await running;
    expect(first.worker.getState()).toBe('STOPPED');
    // Case events (webhooks) are published by id, so a repeat is harmless: they are left out here.
    const steps = () =>
      Object.fromEntries(Object.entries(recorder.calls).filter(([name]) => name !== 'publishCaseEvent'));
    expect(steps()).toEqual({ recordPlacement: 1 });
    expect(recorder.notifications).toEqual([]);

    const second = await createRecordingWorker(env, taskQueue, {}, { quota }, recorder);
    await second.worker.runUntil(async () => {
      await waitForStep(handle, 'tijdelijk-verblijf', 30_000);
      await expect(placed).resolves.toMatchObject({ currentStep: 'tijdelijk-verblijf' });
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: dateOf(await env.currentTimeMs()) } }],
      });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');
      expect(final.placements).toHaveLength(1);
    });
    expect(steps()).toEqual({ recordPlacement: 1, notify: 1 });
    expect(recorder.notifications.map((n) => n.template)).toEqual(['har-financiering-starten']);
    expect(recorder.quota.placements.size).toBe(1);
  }, 90_000);
});
