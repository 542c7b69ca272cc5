import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { processInterpreter } from '../../../workflows/interpreter';
import type { ProcessDefinition } from '../../../workflows/dsl/schema';
import type { ProcessDefinitionV1 } from '../../../workflows/dsl/schema-v1';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../../workflows/messages';
import { validateDefinition } from '../../../workflows/dsl/validate-definition';
import { NEWEST_START_PATCH } from '../../../workflows/engine/patches-at-start';
import {
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  workflowBundle,
  type RecordingWorker,
} from '../../support/temporal';
import { uniqueId } from '../../support/factories';

/**
 * A case with two case-level deadlines: ten days from its start, and five days from a reference
 * date an event may set (moving the earliest deadline forward). Its one step loops on notes.
 */
const notes: ProcessDefinitionV1 = {
  id: 'notities-termijnen',
  version: 1,
  title: { nl: 'Notities met termijnen', en: 'Notes with deadlines' },
  inputSchema: { type: 'object' },
  deadlines: [
    {
      id: 'norm',
      label: { nl: 'Klaar binnen 10 dagen' },
      at: { from: 'caseStarted', after: 'P10D' },
      metBy: 'klaar',
      notify: { template: 'norm-verstreken' },
    },
    {
      id: 'kort',
      label: { nl: 'Klaar binnen 5 dagen na de peildatum' },
      at: { from: 'peildatum', after: 'P5D' },
      metBy: 'klaar',
      notify: { template: 'kort-verstreken' },
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
          name: 'peildatum',
          label: { nl: 'Peildatum' },
          payloadSchema: { type: 'object' },
          dates: { peildatum: 'now' },
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
    },
    { id: 'einde', kind: 'end', label: { nl: 'Einde' }, outcome: 'klaar' },
  ],
};

type History = Awaited<
  ReturnType<ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>['fetchHistory']>
>;
const timers = (history: History) => ({
  started: (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length,
  cancelled: (history.events ?? []).filter((e) => e.timerCanceledEventAttributes).length,
});

/**
 * Issue 13: the case-deadline watcher keeps one timer while the earliest deadline stays where it
 * is (start patch 4). Before, every accepted event cancelled its timer and started another on the
 * same instant: two history events and a timer row written and removed per event.
 */
describe('case deadlines keep their timer (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('deadline-timer');

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

  it('events that leave the earliest deadline in place start and cancel no timer; one that moves it replaces the timer; both deadlines are missed on their day', async () => {
    const workflowId = uniqueId('GM0363-termijnen');
    const { afterNotes, afterMove, history, state } = await rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [
          {
            tenant: 'GM0363',
            caseRef: 'termijnen-1',
            definition: notes as unknown as ProcessDefinition,
            data: {},
          },
        ],
      });
      await waitForStep(handle, 'open');
      for (let n = 1; n <= 5; n++)
        await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'notitie', payload: { n } }] });
      const afterNotes = timers(await handle.fetchHistory());
      await env.sleep('1 day');
      // Five days from now is before the ten-day norm (nine days from now): the earliest deadline moves.
      await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'peildatum', payload: {} }] });
      await handle.executeUpdate(sendEventUpdate, { args: [{ name: 'notitie', payload: { n: 6 } }] });
      const afterMove = timers(await handle.fetchHistory());
      await env.sleep('6 days');
      const between = await handle.query(caseStateQuery);
      expect(between.deadlines.find((d) => d.id === 'case:kort')).toMatchObject({ status: 'missed' });
      expect(between.deadlines.find((d) => d.id === 'case:norm')).toMatchObject({ status: 'pending' });
      await env.sleep('4 days');
      const state = await handle.query(caseStateQuery);
      return { afterNotes, afterMove, history: await handle.fetchHistory(), state };
    });
    // The start: one timer on the ten-day norm; five notes later still that one, none cancelled.
    expect(afterNotes).toEqual({ started: 1, cancelled: 0 });
    // The reference date: the norm's timer is cancelled and one on the earlier deadline started.
    expect(afterMove).toEqual({ started: 2, cancelled: 1 });
    expect(state.deadlines.filter((d) => d.kind === 'case').map((d) => [d.id, d.status])).toEqual([
      ['case:norm', 'missed'],
      ['case:kort', 'missed'],
    ]);
    expect(rec.notifications.map((n) => n.template)).toEqual(['kort-verstreken', 'norm-verstreken']);
    const markers = (history.events ?? []).flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
    });
    expect(markers).toEqual([NEWEST_START_PATCH]);
    const bundle = await workflowBundle(require.resolve('../../../workflows/interpreter'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
