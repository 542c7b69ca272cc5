import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { processInterpreter } from '../../workflows/interpreter';
import { addDuration } from '../../workflows/dsl/duration';
import { caseStateQuery, INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import { SA_OVERDUE } from '../../workflows/search-attributes';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { archivedBuiltIn, dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../support/factories';

describe('huisvesting-statushouder (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('housing');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
  });

  async function start(tenant = 'GM0363', permitDate?: string) {
    const today = dateOf(await env.currentTimeMs());
    // Version 2's paths (version 3 adds the fit check before an offer: huisvesting-statushouder-aanbodtoets.test.ts).
    const input = housingCaseInput(today, {
      tenant,
      definition: archivedBuiltIn('huisvesting-statushouder', 2),
      ...(permitDate ? { permitDate } : {}),
    });
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId(`${tenant}-case`),
      args: [input],
    });
    await confirmProposal(handle, 'voorrangsbesluit');
    const state = await waitForStep(handle, 'wacht-op-aanbod');
    return { handle, state, koppeling: new Date(`${today}T00:00:00.000Z`) };
  }
  const send = (
    handle: Awaited<ReturnType<typeof start>>['handle'],
    name: string,
    payload: Record<string, unknown> = {},
  ) => handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
  const today = async () => dateOf(await env.currentTimeMs());

  it('housed in time with priority (GM0363): every norm met, the move counted for the half-year', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, state } = await start('GM0363');
      expect(state.variables.priority).toBe(true);
      expect(state.decisions).toEqual([
        expect.objectContaining({
          nodeId: 'voorrangsbesluit',
          ruleSetId: 'voorrang-gm0363',
          ruleSetVersion: 1,
          branch: 'priority',
          next: 'voorrang-toegekend',
          events: [expect.objectContaining({ type: 'priority' })],
        }),
      ]);
      expect(state.decisions[0]?.facts).toMatchObject({
        permitType: 'asiel',
        linkedMunicipality: 'GM0363',
        hasIndependentHome: false,
      });
      expect(state.deadlines.filter((d) => d.kind === 'case').map((d) => d.status)).toEqual([
        'pending',
        'pending',
        'pending',
      ]);

      await env.sleep('3 weeks');
      await send(handle, 'woning-aangeboden', {
        offerId: 'A-1',
        housingAssociation: 'Corporatie',
        rooms: 3,
        rent: 700,
      });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today() });
      await env.sleep('1 week');
      const moveDate = await today();
      const done = await send(handle, 'verhuisd', { moveDate });
      expect(done).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
      const final = await handle.result();
      expect(final.deadlines.filter((d) => d.kind === 'case').map((d) => [d.id, d.status])).toEqual([
        ['case:woning-binnen-norm', 'met'],
        ['case:verhuisd-binnen-norm', 'met'],
        ['case:ketennorm', 'met'],
      ]);
      expect(final.placements).toEqual([
        {
          nodeId: 'tel-verhuizing',
          municipality: 'GM0363',
          placedOn: moveDate,
          halfYear: `${moveDate.slice(0, 4)}-H${Number(moveDate.slice(5, 7)) <= 6 ? 1 : 2}`,
          recorded: true,
        },
      ]);
      expect(rec.quota.placements.size).toBe(1);
      expect(rec.notifications.filter((n) => n.kind === 'deadline-missed')).toEqual([]);
    });
  });

  it('priority not granted by another municipality’s rule set (GM0599): default branch, decision recorded', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, state } = await start('GM0599');
      expect(state.variables.priority).toBe(false);
      expect(state.decisions[0]).toMatchObject({
        ruleSetId: 'voorrang-gm0599',
        branch: null,
        next: 'geen-voorrang',
        events: [{ type: 'no-priority' }],
      });
      expect(state.history.some((h) => h.type === 'decision' && h.detail?.includes('standaard'))).toBe(true);
      await handle.terminate('test done');
    });
  });

  it('each deadline passing: 10 weeks (home), 12 weeks (moved), 14-week chain norm from the permit — marked missed and notified', async () => {
    await rec.worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const permitDate = dateOf(now - 7 * 86_400_000); // chain norm falls at koppeling + 13 weeks
      const { handle, koppeling } = await start('GM0363', permitDate);
      await env.sleep('13 weeks');
      await env.sleep('2 days');
      const state = await handle.query(caseStateQuery);
      const missed = rec.notifications.filter((n) => n.kind === 'deadline-missed');
      expect(missed.map((n) => n.template)).toEqual([
        'norm-woning-verstreken',
        'norm-verhuizing-verstreken',
        'ketennorm-verstreken',
      ]);
      const expected = [
        addDuration(koppeling, 'P10W'),
        addDuration(koppeling, 'P12W'),
        addDuration(new Date(`${permitDate}T00:00:00.000Z`), 'P14W'),
      ];
      missed.forEach((n, i) => {
        const late = n.at - (expected[i] as Date).getTime();
        expect(late).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThan(60_000);
      });
      expect(state.deadlines.filter((d) => d.kind === 'case').map((d) => [d.status, d.nodeId])).toEqual([
        ['missed', 'wacht-op-aanbod'],
        ['missed', 'wacht-op-aanbod'],
        ['missed', 'wacht-op-aanbod'],
      ]);
      expect(state.history.filter((h) => h.type === 'deadline-missed')).toHaveLength(3);
      expect(state.status).toBe('running');
      // The monitor's "overdue" filter finds it through the search attribute.
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(SA_OVERDUE)).toBe('true');
      await handle.terminate('test done');
    });
  });

  it('suitable offer refused (the rule set ends the priority), unsuitable refused, then accepted and moved', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start('GM0363');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1' });
      const refused = await send(handle, 'passend-aanbod-geweigerd', { reason: 'te ver van werk' });
      // Ending the priority is a decision too: proposed by the rules, confirmed by a case handler.
      expect(refused.currentStep).toBe('voorrang-na-weigering');
      const confirmed = await confirmProposal(handle, 'voorrang-na-weigering');
      expect(confirmed.currentStep).toBe('wacht-op-aanbod');
      await send(handle, 'woning-aangeboden', { offerId: 'A-2' });
      await send(handle, 'ongeschikt-aanbod-geweigerd', { reason: 'te klein voor 4 personen' });
      await send(handle, 'woning-aangeboden', { offerId: 'A-3' });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today() });
      await send(handle, 'verhuisd', { moveDate: await today() });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest');
      // The status-holder template's rule: a refused suitable offer ends the priority (refusedSuitableOffer ≠ true).
      expect(final.variables).toMatchObject({ priority: false, offerId: 'A-3' });
      expect(final.decisions.map((d) => [d.nodeId, d.branch])).toEqual([
        ['voorrangsbesluit', 'priority'],
        ['voorrang-na-weigering', null],
      ]);
      expect(final.decisions[1]?.facts).toMatchObject({ refusedSuitableOffer: true });
      expect(final.history.filter((h) => h.type === 'event-accepted').map((h) => h.event)).toEqual([
        'woning-aangeboden',
        'passend-aanbod-geweigerd',
        'woning-aangeboden',
        'ongeschikt-aanbod-geweigerd',
        'woning-aangeboden',
        'aanbod-geaccepteerd',
        'verhuisd',
      ]);
    });
  });

  it('the move window: a reminder 2 weeks after the tenancy starts when the move is not recorded', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start('GM0363');
      await send(handle, 'woning-aangeboden', { offerId: 'A-1' });
      await send(handle, 'aanbod-geaccepteerd', { tenancyStartDate: await today() });
      await env.sleep('15 days');
      expect(rec.notifications.filter((n) => n.kind === 'reminder').map((n) => n.template)).toEqual([
        'verhuistermijn-verstreken',
      ]);
      await handle.terminate('test done');
    });
  });

  it('fallback to har-overdracht as a subprocess: deadlines keep running in the parent meanwhile, child counts the placement', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start('GM0363');
      const parentId = handle.workflowId;
      await send(handle, 'tijdelijke-huisvesting', { reason: 'geen passend aanbod' });
      const parent = await waitForState(handle, (s) => s.currentStep === 'terugval-har' && s.children.length > 0);
      expect(parent.children).toEqual([
        expect.objectContaining({
          caseId: `${parentId}-terugval-har-1`,
          processId: 'har-overdracht',
          status: 'running',
          nodeId: 'terugval-har',
        }),
      ]);
      const child = env.client.workflow.getHandle(`${parentId}-terugval-har-1`);
      await waitForStep(child, 'wacht-op-plaatsing');
      await child.executeUpdate(sendEventUpdate, {
        args: [{ name: 'plaatsing-bevestigd', payload: { scheme: 'HAR', placementDate: await today() } }],
      });

      await env.sleep('11 weeks'); // the 10-week norm passes while the child runs
      const during = await handle.query(caseStateQuery);
      expect(during.deadlines.find((d) => d.id === 'case:woning-binnen-norm')).toMatchObject({
        status: 'missed',
        nodeId: 'terugval-har',
      });
      expect(during.currentStep).toBe('terugval-har');

      const housed = await today();
      await child.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-gevonden', payload: { tenancyStartDate: housed } }],
      });
      const final = await handle.result();
      expect(final.outcome).toBe('gehuisvest-via-har');
      expect(final.children[0]).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
      expect(final.dates.moved).toBe(`${housed}T00:00:00.000Z`);
      expect(final.placements).toEqual([]); // the child counted the placement, the parent does not count again
      expect([...rec.quota.placements.values()]).toEqual([
        expect.objectContaining({ caseId: `${parentId}-terugval-har-1`, nodeId: 'tel-plaatsing', scheme: 'HAR' }),
      ]);
    });
  });
});
