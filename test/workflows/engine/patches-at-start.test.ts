import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { processInterpreter } from '../../../workflows/interpreter';
import { INTERPRETER_WORKFLOW } from '../../../workflows/messages';
import { NEWEST_START_PATCH } from '../../../workflows/engine/patches-at-start';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  workflowBundle,
  type RecordingWorker,
} from '../../support/temporal';
import {
  dateOf,
  housingCaseInput,
  housingDefinition,
  twoMunicipalityRuleSets,
  uniqueId,
} from '../../support/factories';

type HistoryEvent = NonNullable<
  Awaited<ReturnType<ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>['fetchHistory']>>['events']
>[number];

/** The patch ids recorded in a history, each with the number of the workflow task whose completion recorded it. */
function patchMarkers(events: HistoryEvent[]): Array<{ patchId: string; task: number }> {
  let task = 0;
  const out: Array<{ patchId: string; task: number }> = [];
  for (const e of events) {
    if (e.workflowTaskCompletedEventAttributes) task += 1;
    const marker = e.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_patch') {
      const data = marker.details?.['patch-data']?.payloads?.[0]?.data;
      const patchId = data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id : '?';
      out.push({ patchId, task });
    }
  }
  return out;
}

/**
 * A new case asks every patch in its first workflow task: during replay the SDK knows a patch
 * marker only while replaying the task that recorded it, so a patch asked later — right after a
 * local activity — could replay as "no" where the live run said "yes" (TMPRL1100).
 */
describe('patches at start (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('patches-at-start');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('a housing case through its decision and a cancellation records patch markers in its first workflow task only, and replays', async () => {
    const workflowId = uniqueId('GM0363-patches');
    const history = await rec.worker.runUntil(async () => {
      const input = housingCaseInput(dateOf(await env.currentTimeMs()), { definition: housingDefinition() });
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [input],
      });
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      await handle.cancel();
      await expect(handle.result()).rejects.toThrow();
      return handle.fetchHistory();
    });
    const markers = patchMarkers(history.events ?? []);
    // The newest start patch stands for PATCH_AT_START (and the other start patches) in a new case.
    expect(markers.map((m) => m.patchId)).toEqual([NEWEST_START_PATCH]);
    // The decision confirmation and the cancellation state were used (the case confirmed and was
    // cancelled), yet no marker of theirs: the one at start stands for them.
    expect(markers.every((m) => m.task === 1)).toBe(true);
    const bundle = await workflowBundle(require.resolve('../../../workflows/interpreter'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
