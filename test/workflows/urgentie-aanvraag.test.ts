import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadTemplate, type RuleSet } from '../../rules';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import { addDuration } from '../../workflows/dsl/duration';
import type { processInterpreter } from '../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { dateOf, uniqueId, urgencyApplicationInput } from '../support/factories';

/** The municipality's urgency scheme (the full VNG-model template) in force since 2000. */
function urgencyScheme(tenant: string): RuleSetSource {
  const ruleSet: RuleSet = {
    ...loadTemplate('urgency-scheme', { tenant, id: `urgentie-${tenant.toLowerCase()}`, effectiveFrom: '2000-01-01' }),
    version: 1,
    status: 'published',
  };
  const code = ruleSet.parameters?.gemeentecode;
  if (code) code.value = tenant;
  return { published: async (t, kind) => (t === tenant && kind === 'urgency-scheme' ? [ruleSet] : []) };
}

describe('urgentie-aanvraag (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('urgentie');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: urgencyScheme('GM0363') });
  });

  const today = async () => dateOf(await env.currentTimeMs());
  async function start(overrides: Record<string, unknown> = {}) {
    const applicationDate = await today();
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-urgentie'),
      args: [urgencyApplicationInput(applicationDate, { data: overrides })],
    });
    return { handle, applicationDate };
  }
  type Handle = Awaited<ReturnType<typeof start>>['handle'];
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });

  it('granted on medical grounds, confirmed by a case handler, sent, and housed within the search period', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: 'priority' });
      await confirmProposal(handle, 'urgentiebesluit');
      const waiting = await waitForStep(handle, 'toekenning-verzenden');
      expect(waiting.decisions[0]).toMatchObject({
        nodeId: 'urgentiebesluit',
        ruleSetId: 'urgentie-gm0363',
        branch: 'priority',
        events: [
          expect.objectContaining({ type: 'priority', params: expect.objectContaining({ category: 'medical' }) }),
        ],
      });
      await env.sleep('3 days');
      await send(handle, 'besluit-verzonden', { sentOn: await today() });
      const granted = await waitForStep(handle, 'zoekperiode');
      expect(granted.variables.priority).toBe(true);
      expect(granted.deadlines.find((d) => d.id === 'case:beslistermijn')?.status).toBe('met');
      await env.sleep('8 weeks');
      const done = await send(handle, 'woning-geaccepteerd', { tenancyStartDate: await today() });
      expect(done).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
      expect(rec.notifications.filter((n) => n.kind === 'deadline-missed')).toEqual([]);
    });
  });

  it('the search period ends without a home: a reminder a month before, then the urgency lapses', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'toekenning-verzenden');
      const sentOn = await today();
      await send(handle, 'besluit-verzonden', { sentOn });
      await waitForStep(handle, 'zoekperiode');
      await env.sleep('180 days');
      await env.sleep('6 days');
      const final = await handle.result();
      expect(final.outcome).toBe('urgentie-vervallen');
      const reminder = rec.notifications.find((n) => n.template === 'urgentie-zoekperiode-loopt-af');
      expect(reminder).toBeDefined();
      const sent = new Date(`${sentOn}T00:00:00.000Z`);
      expect(reminder!.at).toBeGreaterThanOrEqual(
        addDuration(addDuration(sent, 'P6M'), 'P1M', -1).getTime() - 86_400_000,
      );
      expect(reminder!.at).toBeLessThan(addDuration(sent, 'P6M').getTime());
    });
  });

  it('refused (no medical urgency, no other ground): the six-week objection term passes and the case ends refused', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start({ medicalUrgency: false });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: null });
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'afwijzing-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today() });
      await waitForStep(handle, 'bezwaartermijn');
      await env.sleep('5 weeks');
      expect((await handle.query(caseStateQuery)).currentStep).toBe('bezwaartermijn');
      await env.sleep('8 days');
      expect((await handle.result()).outcome).toBe('afgewezen');
    });
  });

  it('refused, then an objection within the term: the case goes on to the objection procedure', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start({ medicalUrgency: false });
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'afwijzing-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today() });
      await env.sleep('4 weeks');
      const done = await send(handle, 'bezwaar-ingediend', { receivedOn: await today() });
      expect(done).toMatchObject({ status: 'completed', outcome: 'bezwaar' });
    });
  });

  it('an unknown fact the outcome rests on is never a "no": the case waits for it, then decides', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start({ solvableByMoveMonths: undefined });
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      expect(waiting.pendingDecision?.missingFacts).toEqual(['solvableByMoveMonths']);
      await send(handle, 'gegevens-aanvullen', { facts: { solvableByMoveMonths: 2 } });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: 'priority' });
      await handle.terminate('test done');
    });
  });

  it('no besluit sent within eight weeks (Awb 4:13): the decision term is recorded as missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, applicationDate } = await start();
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'toekenning-verzenden');
      await env.sleep('8 weeks');
      await env.sleep('1 day');
      const state = await handle.query(caseStateQuery);
      const term = state.deadlines.find((d) => d.id === 'case:beslistermijn');
      expect(term).toMatchObject({
        status: 'missed',
        at: addDuration(new Date(`${applicationDate}T00:00:00.000Z`), 'P8W').toISOString(),
      });
      expect(rec.notifications.filter((n) => n.kind === 'deadline-missed').map((n) => n.template)).toEqual([
        'urgentie-beslistermijn-verstreken',
      ]);
      await handle.terminate('test done');
    });
  });

  it('withdrawn by the applicant during the search period', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await confirmProposal(handle, 'urgentiebesluit');
      await waitForStep(handle, 'toekenning-verzenden');
      await send(handle, 'besluit-verzonden', { sentOn: await today() });
      await waitForStep(handle, 'zoekperiode');
      const done = await send(handle, 'aanvraag-ingetrokken', { reason: 'Zelf een woning gevonden buiten de regio' });
      expect(done).toMatchObject({ status: 'completed', outcome: 'ingetrokken' });
    });
  });
});
