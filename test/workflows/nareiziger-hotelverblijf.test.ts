import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseInput } from '../../workflows/case-state';
import type { processInterpreter } from '../../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { dateOf, hotelCaseInput, hotelDefinition, uniqueId } from '../support/factories';

/** Version 3's new ways out: moving in with the referent, and a takeover before the sixth month. */
describe('nareiziger-hotelverblijf v3 (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('hotel-v3');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue);
  });

  async function start(input: CaseInput = hotelCaseInput()) {
    return env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-hotel'),
      args: [input],
    });
  }
  type Handle = WorkflowHandle<typeof processInterpreter>;
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
  const today = async () => dateOf(await env.currentTimeMs());

  it('moves in with the referent before any hotel placement: no tenancy date needed, counted on the move-in date', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await waitForStep(handle, 'wacht-op-hotelplaatsing');
      const moveInDate = await today();
      const r = await send(handle, 'intrek-bij-referent', { moveInDate });
      expect(r).toMatchObject({ status: 'completed', outcome: 'inwonend-bij-referent' });
      const final = await handle.result();
      expect(final.dates.housed).toBe(`${moveInDate}T00:00:00.000Z`);
      expect(final.placements).toEqual([
        expect.objectContaining({ nodeId: 'tel-inwoning', placedOn: moveInDate, recorded: true }),
      ]);
      expect(rec.quota.placements.size).toBe(1);
    });
  });

  it('moves in with the referent during the hotel stay; a municipality whose parameter says it does not count records none', async () => {
    await rec.worker.runUntil(async () => {
      const definition = hotelDefinition();
      definition.parameters = { ...definition.parameters, inwoning: { countsForTaakstelling: false } };
      const handle = await start(hotelCaseInput({ definition }));
      await send(handle, 'hotel-geplaatst', { placementDate: await today(), hotelMunicipality: 'GM0363' });
      await env.sleep('100 days');
      await send(handle, 'intrek-bij-referent', { moveInDate: await today() });
      const final = await handle.result();
      expect(final.outcome).toBe('inwonend-bij-referent');
      expect(final.placements).toEqual([]);
      expect(final.history.filter((h) => h.type === 'reminder')).toHaveLength(1); // only the 3-month one
      expect(rec.quota.placements.size).toBe(0);
    });
  });

  it('HAR arranged before the sixth month: the handover starts at once, no 6-month timeout, housed through the child', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await send(handle, 'hotel-geplaatst', { placementDate: await today(), hotelMunicipality: 'GM0363' });
      await env.sleep('100 days');
      await send(handle, 'overname-voor-termijn', { reason: 'HAR-plek vrij in de gemeente' });
      const state = await waitForState(handle, (s) => s.children.length > 0);
      expect(state.currentStep).toBe('overdracht-har');
      expect(state.dates.handoverRequested).toBeDefined();
      expect(state.history.some((h) => h.type === 'timeout')).toBe(false);
      const child = env.client.workflow.getHandle<typeof processInterpreter>(`${handle.workflowId}-overdracht-har-1`);
      await waitForStep(child, 'wacht-op-plaatsing');
      await send(child, 'plaatsing-bevestigd', { scheme: 'HAR', placementDate: await today() });
      await env.sleep('100 days'); // past the hotel's sixth month: the parent no longer has that timer
      await send(child, 'woning-gevonden', { tenancyStartDate: await today() });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest-via-har');
      expect(final.history.some((h) => h.type === 'timeout')).toBe(false);
      expect(
        rec.notifications.filter((n) => n.processId === 'nareiziger-hotelverblijf').map((n) => n.template),
      ).toEqual(['hotelverblijf-3-maanden']);
    });
  });
});
