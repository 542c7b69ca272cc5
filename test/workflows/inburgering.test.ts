import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDuration } from '../../workflows/dsl/duration';
import type { processInterpreter } from '../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv, waitForStep, type RecordingWorker } from '../support/temporal';
import { dateOf, inburgeringCaseInput, uniqueId } from '../support/factories';

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
    rec = await createRecordingWorker(env, taskQueue);
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
  const templates = (kind: string) => rec.notifications.filter((n) => n.kind === kind).map((n) => n.template);

  it('intake and PIP within the norm, assistance with six months of ontzorgen, the obligation met', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await env.sleep('3 weeks');
      await send(handle, 'brede-intake-afgerond', { completedOn: await today(), advisedRoute: 'b1' });
      await waitForStep(handle, 'pip-opstellen');
      await env.sleep('4 weeks');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'b1' });
      const route = await waitForStep(handle, 'leerroute');
      expect(route.variables).toMatchObject({ leerroute: 'b1', advisedRoute: 'b1' });
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

  it('a late intake and PIP: reminders at six and eight weeks, the 10-week PIP norm missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, koppelingDate } = await start();
      await env.sleep('43 days');
      expect(templates('reminder')).toEqual(['inburgering-intake-herinnering']);
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      await env.sleep('15 days'); // past 8 weeks after koppeling: the PIP reminder
      expect(templates('reminder')).toEqual(['inburgering-intake-herinnering', 'inburgering-pip-herinnering']);
      await env.sleep('14 days'); // past 10 weeks
      const late = await handle.query(caseStateQuery);
      expect(late.deadlines.find((d) => d.id === 'case:pip-binnen-norm')).toMatchObject({
        status: 'missed',
        at: addDuration(midnight(koppelingDate), 'P10W').toISOString(),
      });
      expect(templates('deadline-missed')).toEqual(['inburgering-pip-norm-verstreken']);
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'z' });
      expect((await waitForStep(handle, 'leerroute')).variables.leerroute).toBe('z');
      await handle.terminate('test done');
    });
  });

  it('the three-year term starts the day after the PIP: a reminder half a year before, then it passes', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      const issuedOn = await today();
      await send(handle, 'pip-vastgesteld', { issuedOn, leerroute: 'onderwijs' });
      const route = await waitForStep(handle, 'leerroute');
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
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'b1' });
      await waitForStep(handle, 'leerroute');
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
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'b1' });
      await waitForStep(handle, 'leerroute');
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
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'b1' });
      await waitForStep(handle, 'leerroute');
      await env.sleep('185 days');
      const state = await handle.query(caseStateQuery);
      expect(state.deadlines.find((d) => d.id === 'case:ontzorgen-einde')?.status).toBe('missed');
      expect(templates('deadline-missed')).toEqual(['inburgering-ontzorgen-einde']);
      await handle.terminate('test done');
    });
  });

  it('exempted during the intake, or left the municipality while waiting for the PIP', async () => {
    await rec.worker.runUntil(async () => {
      const first = await start();
      const exempt = await send(first.handle, 'ontheffing-verleend', { grantedOn: await today() });
      expect(exempt).toMatchObject({ status: 'completed', outcome: 'ontheffing' });
      const second = await start();
      await send(second.handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(second.handle, 'pip-opstellen');
      const left = await send(second.handle, 'vertrokken', { departedOn: await today() });
      expect(left).toMatchObject({ status: 'completed', outcome: 'vertrokken' });
      const ended = await second.handle.query(caseStateQuery);
      expect(ended.deadlines.find((d) => d.id === 'case:pip-binnen-norm')?.status).toBe('cancelled');
    });
  });

  it('refuses a PIP without a learning route, and an extension without a reason', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await send(handle, 'brede-intake-afgerond', { completedOn: await today() });
      await waitForStep(handle, 'pip-opstellen');
      await expect(send(handle, 'pip-vastgesteld', { issuedOn: await today() })).rejects.toThrow();
      await send(handle, 'pip-vastgesteld', { issuedOn: await today(), leerroute: 'b1' });
      await waitForStep(handle, 'leerroute');
      await expect(send(handle, 'termijn-verlengd', { extendedUntil: '2031-01-01' })).rejects.toThrow();
      expect((await handle.query(caseStateQuery)).currentStep).toBe('leerroute');
      await handle.terminate('test done');
    });
  });
});
