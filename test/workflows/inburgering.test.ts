import type { TestWorkflowEnvironment } from '@temporalio/testing';
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
import { dateOf, inburgeringCaseInput, pipRuleSets, uniqueId } from '../support/factories';

const midnight = (date: string) => new Date(`${date}T00:00:00.000Z`);

describe('inburgering (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('inburgering');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: pipRuleSets('GM0363') });
  });

  const today = async () => dateOf(await env.currentTimeMs());
  async function start() {
    const koppelingDate = await today();
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-inburgering'),
      args: [inburgeringCaseInput(koppelingDate)],
    });
    await waitForStep(handle, 'brede-intake');
    return { handle, koppelingDate };
  }
  type Handle = Awaited<ReturnType<typeof start>>['handle'];
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
  /** The broad intake advises `route`; the case handler confirms the proposal; the PIP is sent. */
  async function pipSent(handle: Handle, route: 'b1' | 'onderwijs' | 'z' = 'b1', issuedOn?: string) {
    await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: route });
    await confirmProposal(handle, 'pip-besluit');
    await waitForStep(handle, 'pip-verzenden');
    await send(handle, 'pip-vastgesteld', { issuedOn: issuedOn ?? (await today()) });
    return waitForStep(handle, 'leerroute');
  }
  const templates = (kind: string) => rec.notifications.filter((n) => n.kind === kind).map((n) => n.template);

  it('intake and PIP within the norm (proposal confirmed, besluit made), six months of ontzorgen, the obligation met', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await env.sleep('3 weeks');
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: 'b1-route' });
      await confirmProposal(handle, 'pip-besluit');
      const sending = await waitForStep(handle, 'pip-verzenden');
      expect(sending.decisions[0]).toMatchObject({
        nodeId: 'pip-besluit',
        ruleSetId: 'pip-leerroute-gm0363',
        branch: 'b1-route',
        status: 'confirmed',
        besluit: expect.objectContaining({ id: expect.any(String) }),
      });
      expect(sending.variables.leerroute).toBe('b1');
      await env.sleep('4 weeks');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today() });
      const route = await waitForStep(handle, 'leerroute');
      expect(route.deadlines.find((d) => d.id === 'case:pip-binnen-norm')?.status).toBe('met');
      await send(handle, 'bijstand-gestart', { startDate: await today() });
      await env.sleep('170 days');
      await send(handle, 'ontzorgen-beeindigd', { endDate: await today() });
      const after = await handle.query(caseStateQuery);
      expect(after.currentStep).toBe('leerroute');
      expect(after.deadlines.find((d) => d.id === 'case:ontzorgen-einde')?.status).toBe('met');
      await env.sleep('400 days');
      const done = await send(handle, 'inburgering-voldaan', { completedOn: await today() });
      expect(done).toMatchObject({ status: 'completed', outcome: 'voldaan' });
      expect(templates('deadline-missed')).toEqual([]);
      expect(templates('reminder')).toEqual([]);
    });
  });

  it('the case handler deviates from the advised route with a reason (the Z-route instead of B1)', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      await confirmProposal(handle, 'pip-besluit', {
        branch: 'z-route',
        reason: 'Leerbaarheid lager dan de toets liet zien; Z-route na overleg.',
      });
      const sending = await waitForStep(handle, 'pip-verzenden');
      expect(sending.variables.leerroute).toBe('z');
      expect(sending.decisions[0]?.confirmation).toMatchObject({ deviated: true, branch: 'z-route' });
      await handle.terminate('test done');
    });
  });

  it('no advice from the intake: the decision waits for the fact (onvolledig), never guesses a route', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      expect(waiting.pendingDecision?.missingFacts).toEqual(['adviesLeerroute']);
      await send(handle, 'gegevens-aanvullen', { facts: { adviesLeerroute: 'onderwijs' } });
      await confirmProposal(handle, 'pip-besluit');
      expect((await waitForStep(handle, 'pip-verzenden')).variables.leerroute).toBe('onderwijs');
      await handle.terminate('test done');
    });
  });

  it('no route confirmed: the case goes back to the broad intake', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      await confirmProposal(handle, 'pip-besluit', {
        branch: null,
        reason: 'De brede intake is niet volledig: het taalniveau is niet getoetst.',
      });
      await waitForStep(handle, 'brede-intake');
      await pipSent(handle, 'b1');
      await handle.terminate('test done');
    });
  });

  it('a late intake and PIP: reminders at six and eight weeks, the 10-week PIP norm missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, koppelingDate } = await start();
      await env.sleep('43 days');
      expect(templates('reminder')).toEqual(['inburgering-intake-herinnering']);
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'z' });
      await confirmProposal(handle, 'pip-besluit');
      await waitForStep(handle, 'pip-verzenden');
      await env.sleep('15 days'); // past 8 weeks after koppeling: the PIP reminder
      expect(templates('reminder')).toEqual(['inburgering-intake-herinnering', 'inburgering-pip-herinnering']);
      await env.sleep('14 days'); // past 10 weeks
      const late = await handle.query(caseStateQuery);
      expect(late.deadlines.find((d) => d.id === 'case:pip-binnen-norm')).toMatchObject({
        status: 'missed',
        at: addDuration(midnight(koppelingDate), 'P10W').toISOString(),
      });
      expect(templates('deadline-missed')).toEqual(['inburgering-pip-norm-verstreken']);
      await send(handle, 'pip-vastgesteld', { issuedOn: await today() });
      expect((await waitForStep(handle, 'leerroute')).variables.leerroute).toBe('z');
      await handle.terminate('test done');
    });
  });

  it('the three-year term starts the day after the PIP: a reminder half a year before, then it passes', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      const issuedOn = await today();
      const route = await pipSent(handle, 'onderwijs', issuedOn);
      const end = addDuration(addDuration(midnight(issuedOn), 'P1D'), 'P3Y');
      expect(route.deadlines.find((d) => d.id === 'leerroute:timeout')?.at).toBe(end.toISOString());
      expect(route.deadlines.find((d) => d.id === 'leerroute:termijn-loopt-af')?.at).toBe(
        addDuration(end, 'P6M', -1).toISOString(),
      );
      // On the third anniversary of the PIP's date the term still runs (it started the day after).
      await env.sleep(addDuration(midnight(issuedOn), 'P3Y').getTime() - (await env.currentTimeMs()) + 3_600_000);
      const lastDay = await handle.query(caseStateQuery);
      expect(lastDay.currentStep).toBe('leerroute');
      expect(templates('reminder')).toEqual(['inburgering-termijn-loopt-af']);
      await env.sleep('1 day');
      expect((await handle.result()).outcome).toBe('termijn-verstreken');
    });
  });

  it('an extended term (with a reason) ends the day after the new end date when the obligation is not met', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await pipSent(handle);
      await env.sleep('900 days');
      const extendedUntil = dateOf(addDuration(new Date(await env.currentTimeMs()), 'P1Y').getTime());
      await send(handle, 'termijn-verlengd', { extendedUntil, reason: 'Ziekte tijdens de leerroute, aantoonbaar.' });
      const extended = await waitForStep(handle, 'verlengde-termijn');
      expect(extended.variables.extensionReason).toBe('Ziekte tijdens de leerroute, aantoonbaar.');
      expect(extended.deadlines.find((d) => d.id === 'verlengde-termijn:timeout')?.at).toBe(
        addDuration(midnight(extendedUntil), 'P1D').toISOString(),
      );
      await env.sleep('200 days'); // past the original three years: the extension holds
      expect((await handle.query(caseStateQuery)).currentStep).toBe('verlengde-termijn');
      await env.sleep('170 days');
      expect((await handle.result()).outcome).toBe('termijn-verstreken');
    });
  });

  it('an extended term in which the obligation is met', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await pipSent(handle);
      const extendedUntil = dateOf(addDuration(new Date(await env.currentTimeMs()), 'P4Y').getTime());
      await send(handle, 'termijn-verlengd', { extendedUntil, reason: 'Zwangerschapsverlof tijdens de leerroute.' });
      await waitForStep(handle, 'verlengde-termijn');
      await env.sleep('1200 days');
      const done = await send(handle, 'inburgering-voldaan', { completedOn: await today() });
      expect(done).toMatchObject({ status: 'completed', outcome: 'voldaan' });
    });
  });

  it('ontzorgen not ended six months after assistance started: the deadline is missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      const startDate = await today();
      await send(handle, 'bijstand-gestart', { startDate });
      const waiting = await waitForStep(handle, 'brede-intake');
      expect(waiting.deadlines.find((d) => d.id === 'case:ontzorgen-einde')?.at).toBe(
        addDuration(midnight(startDate), 'P6M').toISOString(),
      );
      await pipSent(handle);
      await env.sleep('185 days');
      const state = await handle.query(caseStateQuery);
      expect(state.deadlines.find((d) => d.id === 'case:ontzorgen-einde')?.status).toBe('missed');
      expect(templates('deadline-missed')).toEqual(['inburgering-ontzorgen-einde']);
      await handle.terminate('test done');
    });
  });

  it('exempted during the intake, or left the municipality while the PIP is being sent', async () => {
    await rec.worker.runUntil(async () => {
      const first = await start();
      const exempt = await send(first.handle, 'ontheffing-verleend', { grantedOn: await today() });
      expect(exempt).toMatchObject({ status: 'completed', outcome: 'ontheffing' });
      const second = await start();
      await send(second.handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      await confirmProposal(second.handle, 'pip-besluit');
      await waitForStep(second.handle, 'pip-verzenden');
      const left = await send(second.handle, 'vertrokken', { departedOn: await today() });
      expect(left).toMatchObject({ status: 'completed', outcome: 'vertrokken' });
      const ended = await second.handle.query(caseStateQuery);
      expect(ended.deadlines.find((d) => d.id === 'case:pip-binnen-norm')?.status).toBe('cancelled');
    });
  });

  it('refuses a PIP sent without its date, and an extension without a reason', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      await confirmProposal(handle, 'pip-besluit');
      await waitForStep(handle, 'pip-verzenden');
      await expect(send(handle, 'pip-vastgesteld', {})).rejects.toThrow();
      await send(handle, 'pip-vastgesteld', { issuedOn: await today() });
      await waitForStep(handle, 'leerroute');
      await expect(send(handle, 'termijn-verlengd', { extendedUntil: '2031-01-01' })).rejects.toThrow();
      expect((await handle.query(caseStateQuery)).currentStep).toBe('leerroute');
      await handle.terminate('test done');
    });
  });
});
