import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { processInterpreter } from '../../workflows/interpreter';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { ProcessDefinitionV1 } from '../../workflows/dsl/schema-v1';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { validateDefinition } from '../../workflows/dsl/validate-definition';
import { createRecordingWorker, createTimeSkippingEnv, waitForStep, type RecordingWorker } from '../support/temporal';
import { uniqueId } from '../support/factories';

/**
 * A case that takes notes until it is done: one wait step that loops on itself. Written in format
 * version 1, as the snapshots of cases started before version 2 are: the interpreter upgrades it.
 */
const notes: ProcessDefinitionV1 = {
  id: 'notities',
  version: 1,
  title: { nl: 'Notities', en: 'Notes' },
  inputSchema: { type: 'object' },
  deadlines: [
    {
      id: 'norm',
      label: { nl: 'Klaar binnen 10 dagen' },
      at: { from: 'caseStarted', after: 'P10D' },
      metBy: 'klaar',
      notify: { template: 'norm-verstreken' },
    },
  ],
  start: 'open',
  nodes: [
    {
      id: 'open',
      kind: 'wait',
      label: { nl: 'Open' },
      events: [
        {
          name: 'notitie',
          label: { nl: 'Notitie' },
          payloadSchema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
          assign: { laatste: 'n' },
          next: 'open',
        },
        {
          name: 'klaar',
          label: { nl: 'Klaar' },
          payloadSchema: { type: 'object' },
          dates: { klaar: 'now' },
          next: 'einde',
        },
      ],
      reminders: [
        {
          id: 'vijf-dagen',
          label: { nl: '5 dagen open' },
          at: { from: 'caseStarted', after: 'P5D' },
          notify: { template: 'vijf-dagen' },
        },
      ],
    },
    { id: 'einde', kind: 'end', label: { nl: 'Einde' }, outcome: 'klaar' },
  ],
};

describe('continue-as-new for long cases (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('can');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    rec = await createRecordingWorker(env, taskQueue);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('the test definition is valid', () => {
    expect(validateDefinition(notes)).toMatchObject({ valid: true });
  });

  it('many events: the case continues as new several times and keeps its state, step and pending deadlines', async () => {
    await rec.worker.runUntil(async () => {
      const workflowId = uniqueId('GM0363-notities');
      await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [
          {
            tenant: 'GM0363',
            caseRef: 'notities-1',
            definition: notes as unknown as ProcessDefinition,
            data: {},
            historyLimit: 60,
          },
        ],
      });
      const handle = env.client.workflow.getHandle<typeof processInterpreter>(workflowId); // follows the newest run
      await waitForStep(handle, 'open');
      await env.sleep('6 days'); // the reminder fires once, in the first run
      for (let n = 1; n <= 40; n++) {
        const r = await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'notitie', payload: { n } }] });
        expect(r).toMatchObject({ accepted: true, currentStep: 'open' });
      }
      const middle = await handle.query(caseStateQuery);
      expect(middle.runs).toBeGreaterThanOrEqual(2);
      expect(middle.variables.laatste).toBe(40);
      expect(
        middle.history.filter((h) => h.type === 'event-accepted').length + middle.historyDropped,
      ).toBeGreaterThanOrEqual(40);
      expect(middle.deadlines.find((d) => d.id === 'case:norm')).toMatchObject({ status: 'pending' });

      await env.sleep('5 days'); // the case deadline set in the first run fires in a later one
      const late = await handle.query(caseStateQuery);
      expect(late.deadlines.find((d) => d.id === 'case:norm')).toMatchObject({ status: 'missed' });
      expect(rec.notifications.map((n) => n.template)).toEqual(['vijf-dagen', 'norm-verstreken']);

      await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'klaar', payload: {} }] });
      const final = await handle.result();
      expect(final).toMatchObject({ status: 'completed', outcome: 'klaar', caseId: workflowId, caseRef: 'notities-1' });
      expect(final.history.filter((h) => h.type === 'continued-as-new').length).toBeGreaterThanOrEqual(1);
      expect(final.runs).toBe(middle.runs + (late.runs - middle.runs));
    });
  });
});
