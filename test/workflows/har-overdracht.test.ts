import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { processInterpreter } from '../../workflows/interpreter';
import type { CaseInput } from '../../workflows/case-state';
import { addDuration } from '../../workflows/dsl/duration';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { createRecordingWorker, createTimeSkippingEnv, waitForStep, type RecordingWorker } from '../support/temporal';
import { dateOf, harCaseInput, harDefinition, uniqueId } from '../support/factories';

describe('har-overdracht (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('har');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue);
  });

  async function start(input: CaseInput = harCaseInput()) {
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-har'),
      args: [input],
    });
    await waitForStep(handle, 'wacht-op-plaatsing');
    return handle;
  }
  type Handle = Awaited<ReturnType<typeof start>>;
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
  const today = async () => dateOf(await env.currentTimeMs());

  it('HAR placement counts for the taakstelling and starts funding; regular housing ends the case', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const placed = await today();
      const r = await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: placed });
      expect(r.currentStep).toBe('tijdelijk-verblijf');
      await env.sleep('60 days');
      await send(handle, 'woning-gevonden', { tenancyStartDate: await today() });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');
      expect(final.variables.scheme).toBe('HAR');
      expect(final.placements).toEqual([
        expect.objectContaining({ nodeId: 'tel-plaatsing', placedOn: placed, scheme: 'HAR', recorded: true }),
      ]);
      expect(rec.notifications.map((n) => n.template)).toEqual(['har-financiering-starten']);
    });
  });

  it('HAR limit reached: reminder and escalation before the 6 months, status and notice at the limit, then housed', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const placed = await today();
      await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: placed });
      await env.sleep('190 days');
      const state = await handle.query(caseStateQuery);
      expect(state).toMatchObject({ currentStep: 'na-termijn', caseStatus: 'termijn-verstreken', status: 'running' });
      const start0 = new Date(`${placed}T00:00:00.000Z`);
      const when = (template: string) => rec.notifications.find((n) => n.template === template)?.at ?? NaN;
      expect(when('har-einde-nadert')).toBeGreaterThanOrEqual(addDuration(start0, 'P4M').getTime());
      expect(when('har-escalatie')).toBeGreaterThanOrEqual(addDuration(start0, 'P5M').getTime());
      expect(when('har-termijn-verstreken')).toBeGreaterThanOrEqual(addDuration(start0, 'P6M').getTime());
      expect(when('har-termijn-verstreken')).toBeLessThan(addDuration(start0, 'P6M').getTime() + 60_000);
      expect(rec.notifications.map((n) => n.template)).toEqual([
        'har-financiering-starten',
        'har-einde-nadert',
        'har-escalatie',
        'har-termijn-verstreken',
      ]);
      await send(handle, 'woning-gevonden', { tenancyStartDate: await today() });
      expect((await handle.result()).outcome).toBe('gehuisvest');
    });
  });

  it('HAR+ with its own configured terms: 9 months, not counted for the taakstelling — no literal in code', async () => {
    await rec.worker.runUntil(async () => {
      const definition = harDefinition();
      Object.assign((definition.parameters as any).schemes['HAR+'], {
        maxDuration: 'P9M',
        countsForTaakstelling: false,
        reminderBefore: 'P3M',
        escalationBefore: 'P1M',
      });
      const handle = await start(harCaseInput({ definition }));
      const placed = await today();
      await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR+', placementDate: placed });
      await env.sleep('200 days');
      expect((await handle.query(caseStateQuery)).currentStep).toBe('tijdelijk-verblijf'); // a HAR case would have passed its limit
      await env.sleep('80 days');
      const state = await handle.query(caseStateQuery);
      expect(state.currentStep).toBe('na-termijn');
      const timeout = state.history.find((h) => h.type === 'timeout');
      expect(
        new Date(timeout?.at as string).getTime() - addDuration(new Date(`${placed}T00:00:00.000Z`), 'P9M').getTime(),
      ).toBeLessThan(60_000);
      expect(state.placements).toEqual([]);
      expect(state.history.find((h) => h.nodeId === 'tel-plaatsing' && h.type === 'task')?.detail).toBe(
        'telt niet mee voor de taakstelling',
      );
      expect(rec.quota.placements.size).toBe(0);
      await handle.terminate('test done');
    });
  });

  it('the amount per person is a parameter of the chosen scheme, recorded with the placement (none entered: null)', async () => {
    await rec.worker.runUntil(async () => {
      const definition = harDefinition();
      (definition.parameters as any).schemes.HAR.amountPerPerson = 12_500;
      const handle = await start(harCaseInput({ definition }));
      await send(handle, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: await today() });
      const state = await handle.query(caseStateQuery);
      expect(state.currentStep).toBe('tijdelijk-verblijf');
      expect(state.variables).toMatchObject({ scheme: 'HAR', amountPerPerson: 12_500 });
      await handle.terminate('test done');

      const plain = await start();
      await send(plain, 'plaatsing-bevestigd', { scheme: 'HAR+', placementDate: await today() });
      expect((await plain.query(caseStateQuery)).variables).toMatchObject({ scheme: 'HAR+', amountPerPerson: null });
      await plain.terminate('test done');
    });
  });

  it('no placement yet: a reminder after a week; deregistration ends the case', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await env.sleep('8 days');
      expect(rec.notifications.map((n) => n.template)).toEqual(['har-plaatsing-open']);
      await send(handle, 'uitgeschreven', { reason: 'vertrokken' });
      expect((await handle.result()).outcome).toBe('beeindigd');
    });
  });
});
