import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { processInterpreter } from '../../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { archivedBuiltIn, dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../support/factories';

/**
 * Version 2's endings with a reason: a status holder who leaves, is re-linked to another
 * municipality, or needs another route. None counts for this municipality's taakstelling; the
 * outcome and `endReason` say why, and the case's norms stop running.
 */
describe('huisvesting-statushouder v2: ending with a reason (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('housing-end');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
  });

  async function start() {
    const today = dateOf(await env.currentTimeMs());
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-case'),
      // Version 2's endings; version 3 keeps them and adds the fit check (huisvesting-statushouder-aanbodtoets.test.ts).
      args: [housingCaseInput(today, { definition: archivedBuiltIn('huisvesting-statushouder', 2) })],
    });
    await confirmProposal(handle, 'voorrangsbesluit');
    await waitForStep(handle, 'wacht-op-aanbod');
    return handle;
  }
  type Handle = Awaited<ReturnType<typeof start>>;
  const send = (handle: Handle, name: string, payload: Record<string, unknown> = {}) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });

  it('re-linked to another municipality while waiting for an offer: ends herkoppeld, not counted, norms cancelled', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await env.sleep('3 weeks');
      const r = await send(handle, 'herkoppeld', { newMunicipality: 'GM0599', reason: 'Koppeling door COA gewijzigd' });
      expect(r).toMatchObject({ status: 'completed', outcome: 'herkoppeld' });
      const final = await handle.result();
      expect(final.variables).toMatchObject({
        newMunicipality: 'GM0599',
        endReason: 'herkoppeld',
        countsForTaakstelling: false,
      });
      expect(final.placements).toEqual([]);
      expect(final.deadlines.filter((d) => d.kind === 'case').map((d) => d.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      await env.sleep('20 weeks');
      expect(rec.notifications.filter((n) => n.kind === 'deadline-missed')).toEqual([]);
      expect(rec.quota.placements.size).toBe(0);
    });
  });

  it('leaves after an offer was made: ends vertrokken with the departure date', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await send(handle, 'woning-aangeboden', { offerId: 'A-1', rooms: 2, rent: 650 });
      const departedOn = dateOf(await env.currentTimeMs());
      const r = await send(handle, 'vertrokken', { departedOn });
      expect(r).toMatchObject({ status: 'completed', outcome: 'vertrokken' });
      const final = await handle.result();
      expect(final.dates.departed).toBe(`${departedOn}T00:00:00.000Z`);
      expect(final.variables.endReason).toBe('vertrokken');
      expect(final.placements).toEqual([]);
    });
  });

  it('needs another route: ends andere-route with the route; an unknown route is refused', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await expect(send(handle, 'andere-route', { route: 'weet-niet' })).rejects.toThrow();
      const r = await send(handle, 'andere-route', { route: 'zorg', reason: 'Beschermd wonen nodig' });
      expect(r).toMatchObject({ status: 'completed', outcome: 'andere-route' });
      const final = await handle.result();
      expect(final.variables).toMatchObject({ route: 'zorg', endReason: 'andere-route' });
      expect(final.placements).toEqual([]);
    });
  });
});
