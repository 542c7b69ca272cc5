import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadTemplate, type RuleSet } from '../../rules';
import type { RuleSetSource } from '../../services/rule-sets/rule-set-source';
import type { CaseState } from '../../workflows/case-state';
import type { processInterpreter } from '../../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForState,
  waitForStep,
  type RecordingWorker,
} from '../support/temporal';
import { dateOf, uniqueId } from '../support/factories';
import { transitionCaseInput } from '../support/transition-factory';

/** The municipality's urgency scheme (the VNG-model template): decides housing priority in this group too. */
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

const DOMAINS = ['huisvesting', 'zorg', 'inschrijving', 'participatie', 'inkomen'] as const;
const deadline = (s: CaseState, id: string) => s.deadlines.find((d) => d.id === `case:${id}`);

describe('overgang-oekraine (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const taskQueue = uniqueId('overgang');

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
  async function start(data: Record<string, unknown> = {}) {
    const cohortDay = await today();
    const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-overgang'),
      args: [transitionCaseInput(cohortDay, { data })],
    });
    return { handle, cohortDay };
  }
  type Handle = Awaited<ReturnType<typeof start>>['handle'];
  const send = (handle: Handle, name: string, payload: Record<string, unknown>) =>
    handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
  const templates = () => rec.notifications.map((n) => n.template);

  it('medical urgency: priority confirmed by a case handler, the five domains in any order, done before the end date', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, cohortDay } = await start({ medicalUrgency: true });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: 'priority' });
      expect(proposed.dates.cohortStart).toBe(`${cohortDay}T00:00:00.000Z`);
      expect(proposed.dates.einddatum?.slice(0, 10)).toBe(
        (transitionCaseInput(cohortDay).definition.parameters as { norms: Record<string, string> }).norms
          .endOfTemporaryProtection,
      );
      await confirmProposal(handle, 'woonvoorrang');
      const waiting = await waitForStep(handle, 'domeinen');
      expect(waiting.variables.woonvoorrang).toBe(true);
      expect(waiting.decisions[0]).toMatchObject({ nodeId: 'woonvoorrang', branch: 'priority' });
      expect(waiting.expectedEvents).toEqual(expect.arrayContaining(['huisvesting-geregeld', 'zorg-geregeld']));
      for (const id of DOMAINS) expect(deadline(waiting, id)?.status).toBe('pending');

      await env.sleep('1 week');
      let s = await send(handle, 'inschrijving-geregeld', { date: await today() });
      expect(s).toMatchObject({ accepted: true, currentStep: 'domeinen' });
      await send(handle, 'zorg-geregeld', { route: 'psychosociale-zorg', date: await today() });
      await env.sleep('2 weeks');
      expect(templates()).toContain('overgang-voortgang');
      await send(handle, 'participatie-geregeld', { vorm: 'werk', date: await today() });
      await send(handle, 'uitkering-aangevraagd', { regeling: 'eigen-inkomen', date: await today() });
      const before = await waitForState(handle, (x) => deadline(x, 'inkomen')?.status === 'met');
      expect(before.status).toBe('running');
      expect(before.variables.zorgroute).toBe('psychosociale-zorg');
      s = await send(handle, 'huisvesting-geregeld', { route: 'regulier', date: await today() });
      expect(s).toMatchObject({ status: 'completed', outcome: 'afgerond' });
      const done = await handle.result();
      for (const id of DOMAINS) expect(deadline(done, id)?.status).toBe('met');
      expect(done.variables).toMatchObject({ woonroute: 'regulier', participatie: 'werk' });
      expect(done.history.some((h) => h.type === 'task' && h.detail === 'Alle domeinen geregeld')).toBe(true);
      expect(templates()).not.toContain('overgang-einddatum-nadert');
    });
  });

  it('no priority; terms from the cohort start pass, the end date comes, the rest is finished after it', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal?.branch ?? null).toBeNull();
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'zorg-geregeld', { route: 'geen-zorgvraag', date: await today() });

      // Registration is due four weeks after the cohort start: missed and notified.
      await env.sleep('29 days');
      const late = await waitForState(handle, (s) => deadline(s, 'inschrijving')?.status === 'missed');
      expect(deadline(late, 'zorg')?.status).toBe('met');
      expect(templates()).toContain('overgang-inschrijving-verstreken');
      expect(late.variables.woonvoorrang).toBe(false);

      // Participation (three months) and income (two months before the end) pass too.
      await env.sleep('122 days');
      const later = await waitForState(
        handle,
        (s) => deadline(s, 'participatie')?.status === 'missed' && deadline(s, 'inkomen')?.status === 'missed',
      );
      expect(later.currentStep).toBe('domeinen');
      await send(handle, 'inschrijving-geregeld', { date: await today() });

      // The end date: first the reminder six weeks before, then the step after the end date.
      await env.sleep('40 days');
      const after = await waitForStep(handle, 'na-einddatum');
      expect(templates()).toEqual(
        expect.arrayContaining(['overgang-einddatum-nadert', 'overgang-huisvesting-verstreken']),
      );
      expect(after.history.some((h) => h.type === 'timeout' && h.nodeId === 'domeinen')).toBe(true);
      expect(deadline(after, 'huisvesting')?.status).toBe('missed');

      await send(handle, 'participatie-geregeld', { vorm: 'school', date: await today() });
      await send(handle, 'uitkering-aangevraagd', { regeling: 'participatiewet', date: await today() });
      const end = await send(handle, 'huisvesting-geregeld', { route: 'tijdelijk', date: await today() });
      expect(end).toMatchObject({ status: 'completed', outcome: 'afgerond-na-einddatum' });
    });
  });

  it('a household that leaves ends the case; its open terms are cancelled, not missed', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'huisvesting-geregeld', { route: 'blijven', date: await today() });
      await env.sleep('10 days');
      const end = await send(handle, 'huishouden-vertrokken', { reden: 'terug-naar-oekraine', date: await today() });
      expect(end).toMatchObject({ status: 'completed', outcome: 'vertrokken' });
      const done = await handle.result();
      expect(done.variables.vertrekreden).toBe('terug-naar-oekraine');
      expect(deadline(done, 'huisvesting')?.status).toBe('met');
      for (const id of ['zorg', 'inschrijving', 'participatie', 'inkomen'])
        expect(deadline(done, id)?.status).toBe('cancelled');
    });
  });

  it('a later cohort counts its terms from its own start date', async () => {
    await rec.worker.runUntil(async () => {
      const { handle, cohortDay } = await start({ cohort: 'cohort-2' });
      await confirmProposal(handle, 'woonvoorrang');
      const s = await waitForStep(handle, 'domeinen');
      const cohortStart = new Date(`${cohortDay}T00:00:00Z`);
      cohortStart.setUTCMonth(cohortStart.getUTCMonth() + 2);
      expect(s.dates.cohortStart?.slice(0, 10)).toBe(cohortStart.toISOString().slice(0, 10));
      const due = new Date(cohortStart.getTime() + 28 * 86_400_000).toISOString();
      expect(deadline(s, 'inschrijving')).toMatchObject({ status: 'pending', at: due });
      // An unknown event is refused with its code; the case keeps waiting.
      const refused = async (name: string, payload: Record<string, unknown>) =>
        ((await send(handle, name, payload).catch((e: unknown) => e)) as { cause?: { type?: string } }).cause?.type;
      expect(await refused('woning-gevonden', {})).toBe('EVENT_NOT_EXPECTED');
      expect(await refused('zorg-geregeld', { route: 'onbekend', date: cohortDay })).toBe('INVALID_PAYLOAD');
      expect((await waitForStep(handle, 'domeinen')).dates.zorgGeregeld).toBeUndefined();
      await handle.cancel();
    });
  });
  it('an unknown date of birth is never a "no": no proposal until it is supplied, then the rules propose', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start({ medicalUrgency: true, contactpersoon: { name: 'Test Contactpersoon' } });
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      expect(waiting.pendingDecision?.missingFacts).toEqual(['dateOfBirth']);
      expect(waiting.pendingDecision?.proposal ?? null).toBeNull();
      expect(waiting.decisions.filter((d) => d.status === 'confirmed')).toEqual([]);
      expect(waiting.currentStep).toBe('woonvoorrang');
      expect(waiting.variables.woonvoorrang).toBeUndefined();
      await send(handle, 'gegevens-aanvullen', { facts: { dateOfBirth: '1984-03-12' } });
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.pendingDecision?.proposal).toMatchObject({ branch: 'priority' });
      await confirmProposal(handle, 'woonvoorrang');
      expect((await waitForStep(handle, 'domeinen')).variables.woonvoorrang).toBe(true);
      await handle.cancel();
    });
  });

  it('a household that leaves after the end date ends the case as left; the domains it arranged stay met', async () => {
    await rec.worker.runUntil(async () => {
      const { handle } = await start();
      await confirmProposal(handle, 'woonvoorrang');
      await waitForStep(handle, 'domeinen');
      await send(handle, 'inschrijving-geregeld', { date: await today() });
      // Past the end date (six months after the cohort start in this test's calendar).
      await env.sleep('190 days');
      await waitForStep(handle, 'na-einddatum');
      const end = await send(handle, 'huishouden-vertrokken', { reden: 'andere-gemeente', date: await today() });
      expect(end).toMatchObject({ status: 'completed', outcome: 'vertrokken' });
      const done = await handle.result();
      expect(done.variables.vertrekreden).toBe('andere-gemeente');
      expect(deadline(done, 'inschrijving')?.status).toBe('met');
      expect(deadline(done, 'huisvesting')?.status).toBe('missed');
    });
  });
});
