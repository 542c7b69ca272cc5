import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { processInterpreter } from '../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { archivedBuiltIn, dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../support/factories';

/** Version 3 with the municipality's rent limit filled in (the built-in leaves it empty: no verified amount). */
function withRentLimit(maxRent: number | null): ProcessDefinition {
  const def = archivedBuiltIn('huisvesting-statushouder', 3); // v4 adds only the linked inburgering case at the start
  (def.parameters as { passendToewijzen: { maxRent: number | null } }).passendToewijzen.maxRent = maxRent;
  return def;
}

describe('huisvesting-statushouder v3: an offer is checked for fit before it is made (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('aanbodtoets');

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
  async function start(maxRent: number | null = 800) {
    const input = housingCaseInput(await today(), { definition: withRentLimit(maxRent) }); // a household of 4
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-aanbod'),
      args: [input],
    });
    await confirmProposal(handle, 'voorrangsbesluit');
    await waitForStep(handle, 'wacht-op-aanbod');
    return handle;
  }
  type Handle = Awaited<ReturnType<typeof start>>;
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });

  it('a dwelling that fits is offered at once, and the household moves in within the norms', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const offered = await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 3, rent: 780 });
      expect(offered.currentStep).toBe('aanbod-gedaan');
      const state = await handle.query(caseStateQuery);
      expect(state.variables.aanbodToets).toEqual({ passed: true, failed: [], unknown: [] });
      expect(state.history.some((h) => h.nodeId === 'toets-aanbod' && h.detail === 'toets voldaan')).toBe(true);
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today() });
      await env.sleep('1 week');
      const done = await send(handle, 'verhuisd', { moveDate: await today() });
      expect(done).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
    });
  });

  it('too few rooms: not offered; a case handler overrides with a reason, and only then the offer is made', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const held = await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 2, rent: 700 });
      expect(held.currentStep).toBe('aanbod-past-niet');
      const state = await handle.query(caseStateQuery);
      expect(state.variables.aanbodToets).toEqual({ passed: false, failed: ['kamers'], unknown: [] });
      expect(state.expectedEvents).not.toContain('aanbod-geaccepteerd');
      await expect(send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today() })).rejects.toThrow();
      await expect(send(handle, 'passendheid-afwijking', { reason: 'kort' })).rejects.toThrow();
      const made = await send(handle, 'passendheid-afwijking', {
        reason: 'Gezin kiest zelf voor deze woning dicht bij de school; tijdelijk krap.',
      });
      expect(made.currentStep).toBe('aanbod-gedaan');
      expect((await handle.query(caseStateQuery)).variables.fitOverrideReason).toBe(
        'Gezin kiest zelf voor deze woning dicht bij de school; tijdelijk krap.',
      );
      await handle.terminate('test done');
    });
  });

  it('rent above the limit: not offered; another dwelling that fits is checked again and offered', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const held = await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 4, rent: 950 });
      expect(held.currentStep).toBe('aanbod-past-niet');
      expect((await handle.query(caseStateQuery)).variables.aanbodToets).toEqual({
        passed: false,
        failed: ['huur'],
        unknown: [],
      });
      const next = await send(handle, 'woning-aangeboden', { offerId: 'A-2', rooms: 3, rent: 800 });
      expect(next.currentStep).toBe('aanbod-gedaan');
      expect((await handle.query(caseStateQuery)).variables.offerId).toBe('A-2');
      await handle.terminate('test done');
    });
  });

  it('no rent limit filled in, or an offer without rooms: cannot be judged, so a person decides (never a silent yes)', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start(null);
      const held = await send(handle, 'woning-aangeboden', { offerId: 'A-1', rent: 600 });
      expect(held.currentStep).toBe('aanbod-past-niet');
      expect((await handle.query(caseStateQuery)).variables.aanbodToets).toEqual({
        passed: false,
        failed: [],
        unknown: ['kamers', 'huur'],
      });
      const ended = await send(handle, 'herkoppeld', { newMunicipality: 'GM0599' });
      expect(ended).toMatchObject({ status: 'completed', outcome: 'herkoppeld' });
    });
  });

  it('the 10-week norm keeps running while an unfit offer waits: missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 1, rent: 700 });
      await env.sleep('11 weeks');
      const state = await handle.query(caseStateQuery);
      expect(state.currentStep).toBe('aanbod-past-niet');
      expect(state.deadlines.find((d) => d.id === 'case:woning-binnen-norm')?.status).toBe('missed');
      expect(rec.notifications.filter((n) => n.kind === 'deadline-missed').map((n) => n.template)).toContain(
        'norm-woning-verstreken',
      );
      await send(handle, 'tijdelijke-huisvesting', {});
      await waitForStep(handle, 'terugval-har');
      await handle.terminate('test done');
    });
  });
});
