import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { processInterpreter } from '../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { SA_PROCESS, SA_TENANT } from '../../workflows/search-attributes';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import {
  archivedBuiltIn,
  dateOf,
  housingCaseInput,
  housingDefinition,
  inburgeringCaseInput,
  twoMunicipalityRuleSets,
  uniqueId,
} from '../support/factories';

function v4(opts: { startAtKoppeling?: boolean } = {}): ProcessDefinition {
  const def = housingDefinition();
  const params = def.parameters as {
    passendToewijzen: { maxRent: number | null };
    inburgering: { startAtKoppeling: boolean };
  };
  params.passendToewijzen.maxRent = 800;
  if (opts.startAtKoppeling !== undefined) params.inburgering.startAtKoppeling = opts.startAtKoppeling;
  return def;
}

/**
 * Version 4: at the koppeling the housing case starts a linked inburgering case — a case of its
 * own (it runs three years), not a subprocess the housing case waits for.
 */
describe('huisvesting-statushouder v4: the koppeling starts the linked inburgering case (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('housing-v4');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
  });

  const today = async () => dateOf(await env.currentTimeMs());
  async function start(definition: ProcessDefinition, workflowId = uniqueId('GM0363-v4')) {
    const koppeling = await today();
    const input = housingCaseInput(koppeling, { definition });
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId,
      args: [input],
    });
    return { handle, koppeling, input };
  }

  it('starts inburgering with the koppeling date, household size and its own id; goes on without waiting; the linked case outlives it', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, koppeling } = await start(v4());
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      const linkedId = `${handle.workflowId}-start-inburgering`;
      const state = await handle.query(caseStateQuery);
      expect(state.variables.inburgeringCaseId).toBe(linkedId);
      expect(state.children).toEqual([]); // not a subprocess
      expect(state.history.find((h) => h.type === 'task' && h.nodeId === 'start-inburgering')?.detail).toBe(
        `gekoppelde zaak gestart: inburgering v1: ${linkedId}`,
      );

      const linked = env.client.workflow.getHandle<typeof processInterpreter>(linkedId);
      const linkedState = await waitForStep(linked, 'brede-intake');
      expect(linkedState.data).toEqual({
        municipality: 'GM0363',
        koppelingDate: koppeling,
        householdSize: 4,
        housingCaseId: handle.workflowId,
      });
      // No personal data in what the linked case gets (data minimisation): no name, no V-nummer.
      expect(JSON.stringify(linkedState.data)).not.toMatch(/Statushouder|1234567890/);
      const described = await linked.describe();
      expect(described.typedSearchAttributes.get(SA_PROCESS)).toBe('inburgering');
      expect(described.typedSearchAttributes.get(SA_TENANT)).toBe('GM0363');
      expect(linkedState.deadlines.find((d) => d.kind === 'case')).toBeDefined();

      const send = (name: string, payload: Record<string, unknown> = {}) =>
        handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
      await send('woning-aangeboden', { offerId: 'A-1', rooms: 3, rent: 700 });
      await send('aanbod-geaccepteerd', { tenancyStartDate: await today() });
      await env.sleep('1 week');
      await send('verhuisd', { moveDate: await today() });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');

      // The housing case is done; its inburgering case runs on (ABANDON), with its own three-year path ahead.
      await env.sleep('2 weeks');
      expect((await linked.describe()).status.name).toBe('RUNNING');
      expect((await linked.query(caseStateQuery)).currentStep).toBe('brede-intake');
      await linked.terminate('test done');
    });
  });

  it('a municipality that starts inburgering itself switches it off: no linked case, said in the history', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start(v4({ startAtKoppeling: false }));
      await confirmProposal(handle, 'voorrangsbesluit');
      const state = await waitForStep(handle, 'wacht-op-aanbod');
      expect(state.variables.inburgeringCaseId).toBeUndefined();
      expect(state.history.find((h) => h.type === 'task' && h.nodeId === 'start-inburgering')?.detail).toBe(
        'gekoppelde zaak niet gestart: uitgezet in de parameters',
      );
      await expect(
        env.client.workflow.getHandle(`${handle.workflowId}-start-inburgering`).describe(),
      ).rejects.toThrow();
      await handle.terminate('test done');
    });
  });

  it('idempotent by its derived id: a linked case that already exists is not started twice, the housing case goes on', async () => {
    await rec.worker.runUntil(async () => {
      const workflowId = uniqueId('GM0363-v4');
      const linkedId = `${workflowId}-start-inburgering`;
      // The linked case exists already (e.g. started before under the same derived id).
      const existing = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: linkedId,
        args: [inburgeringCaseInput(await today())],
      });
      await expect(
        env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
          taskQueue,
          workflowId: linkedId,
          args: [housingCaseInput(await today())],
        }),
      ).rejects.toThrow(WorkflowExecutionAlreadyStartedError);
      const { handle } = await start(v4(), workflowId);
      await confirmProposal(handle, 'voorrangsbesluit');
      const state = await waitForStep(handle, 'wacht-op-aanbod');
      expect(state.history.find((h) => h.type === 'task' && h.nodeId === 'start-inburgering')?.detail).toBe(
        `gekoppelde zaak bestond al: ${linkedId}`,
      );
      expect(state.variables.inburgeringCaseId).toBe(linkedId);
      // The existing case keeps its own input: nothing was started or changed by the second attempt.
      expect((await existing.query(caseStateQuery)).data.housingCaseId).toBe(
        'GM0363-huisvesting-statushouder-0a1b2c3d',
      );
      await existing.terminate('test done');
      await handle.terminate('test done');
    });
  });

  it('older versions start no linked case (v3 as archived)', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start(archivedBuiltIn('huisvesting-statushouder', 3));
      await confirmProposal(handle, 'voorrangsbesluit');
      const state = await waitForStep(handle, 'wacht-op-aanbod');
      expect(state.history.some((h) => h.type === 'task' && h.nodeId === 'start-inburgering')).toBe(false);
      expect(state.variables).not.toHaveProperty('inburgeringCaseId');
      await handle.terminate('test done');
    });
  });
});
