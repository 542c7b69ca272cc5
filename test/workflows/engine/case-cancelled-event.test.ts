import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { NEWEST_START_PATCH } from '../../../workflows/engine/patches-at-start';
import type { processInterpreter } from '../../../workflows/interpreter';
import { INTERPRETER_WORKFLOW } from '../../../workflows/messages';
import { recordingPublisher } from '../../support/activity-deps';
import { hotelCaseInput, uniqueId } from '../../support/factories';
import { createRecordingWorker, createTimeSkippingEnv, waitForStep, workflowBundle } from '../../support/temporal';

jest.setTimeout(120_000);

type History = Awaited<
  ReturnType<ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>['fetchHistory']>
>;

/** The patch ids recorded in a history, each with the number of the workflow task that recorded it. */
function patchMarkers(history: History): Array<{ patchId: string; task: number }> {
  let task = 0;
  const out: Array<{ patchId: string; task: number }> = [];
  for (const e of history.events ?? []) {
    if (e.workflowTaskCompletedEventAttributes) task += 1;
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_patch') {
      const data = marker.details?.['patch-data']?.payloads?.[0]?.data;
      out.push({ patchId: data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id : '?', task });
    }
  }
  return out;
}

/**
 * A cancelled case publishes case.cancelled (the ZGW write-back closes its zaak on it; webhook
 * subscribers may subscribe to it): references only, never the reason given to the API.
 */
describe('a cancelled case publishes case.cancelled (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = uniqueId('case-cancelled');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('publishes case.cancelled once, with the step it was cancelled in; its patch is asked in the first workflow task; it replays', async () => {
    const events = recordingPublisher(['case.started', 'case.cancelled']);
    const rec = await createRecordingWorker(env, taskQueue, {}, { events });
    const workflowId = uniqueId('GM0363-cancelled');
    const history = await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [hotelCaseInput()],
      });
      await waitForStep(handle, 'wacht-op-hotelplaatsing');
      await handle.cancel();
      await expect(handle.result()).rejects.toThrow();
      return handle.fetchHistory();
    });
    const cancelled = events.published.filter((e) => e.type === 'case.cancelled');
    expect(cancelled).toEqual([
      {
        id: `${workflowId}:cancelled`,
        type: 'case.cancelled',
        tenant: 'GM0363',
        caseId: workflowId,
        processId: 'nareiziger-hotelverblijf',
        step: 'wacht-op-hotelplaatsing',
        occurredAt: expect.any(String),
      },
    ]);
    expect(events.published.at(-1)?.type).toBe('case.cancelled');
    const markers = patchMarkers(history);
    // Start patch 4 stands for those before it (and the event path): one marker, not four.
    expect(markers.map((m) => m.patchId)).toEqual([NEWEST_START_PATCH]);
    expect(markers.every((m) => m.task === 1)).toBe(true);
    const bundle = await workflowBundle(require.resolve('../../../workflows/interpreter'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
