import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseInput } from '../../../workflows/case-state';
import type { processInterpreter } from '../../../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../../workflows/messages';
import { recordingPublisher } from '../../support/activity-deps';
import { archivedBuiltIn, dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../../support/factories';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
} from '../../support/temporal';

/** A subprocess is a case of the same municipality: it starts knowing the parent's webhook subscriptions. */
describe('run-subprocess: the child case inherits the webhook subscriptions (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  const taskQueue = uniqueId('subprocess-events');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('passes caseEvents into the child input; nobody subscribed → neither case publishes', async () => {
    const events = recordingPublisher([]);
    const rec = await createRecordingWorker(env, taskQueue, {}, { events, ruleSets: twoMunicipalityRuleSets() });
    await rec.worker.runUntil(async () => {
      const today = dateOf(await env.currentTimeMs());
      const caseEvents = { types: [], asOf: new Date(await env.currentTimeMs()).toISOString() };
      const input = housingCaseInput(today, { definition: archivedBuiltIn('huisvesting-statushouder', 2), caseEvents });
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [input],
      });
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'tijdelijke-huisvesting', payload: { reason: 'geen passend aanbod' } }],
      });
      await waitForState(handle, (s) => s.children.length > 0);
      const child = env.client.workflow.getHandle(`${handle.workflowId}-terugval-har-1`);
      await waitForStep(child, 'wacht-op-plaatsing');
      const history = await child.fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      const payload = started?.input?.payloads?.[0];
      const childInput = JSON.parse(Buffer.from(payload?.data ?? []).toString()) as CaseInput;
      expect(childInput.parent).toEqual({ caseId: handle.workflowId, nodeId: 'terugval-har' });
      expect(childInput.caseEvents).toEqual(caseEvents);
      expect(rec.calls.publishCaseEvent).toBeUndefined();
      expect(events.published).toEqual([]);
      await child.terminate('test done');
      await handle.terminate('test done');
    });
  });
});
