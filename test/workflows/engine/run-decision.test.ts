import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { processInterpreter } from '../../../workflows/interpreter';
import type { BesluitRequest } from '../../../workflows/activity-types';
import {
  caseStateQuery,
  confirmDecisionUpdate,
  INTERPRETER_WORKFLOW,
  sendEventUpdate,
} from '../../../workflows/messages';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  TEST_CASE_HANDLER,
  waitForState,
  waitForStep,
  type RecordingWorker,
} from '../../support/temporal';
import { archivedBuiltIn, dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../../support/factories';

/** The code of the ApplicationFailure behind a refused update. */
async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string } | undefined)?.type;
    throw err;
  }
  throw new Error('the update was accepted');
}

describe('decision steps: a proposal, then a person (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  const issued: BesluitRequest[] = [];
  const taskQueue = uniqueId('decisions');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(async () => {
    issued.length = 0;
    rec = await createRecordingWorker(
      env,
      taskQueue,
      {},
      {
        ruleSets: twoMunicipalityRuleSets(),
        besluiten: {
          async issue(req) {
            issued.push(req);
            return { id: `besluit-${issued.length}`, sha256: 'a'.repeat(64), createdAt: new Date().toISOString() };
          },
        },
      },
    );
  });

  async function start(statushouder: Record<string, unknown> = { dateOfBirth: '1990-05-01' }) {
    const today = dateOf(await env.currentTimeMs());
    // Version 2: its offers go straight to the household (version 3 checks their fit first).
    const input = housingCaseInput(today, { definition: archivedBuiltIn('huisvesting-statushouder', 2) });
    input.data = { ...input.data, statushouder };
    return env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
      taskQueue,
      workflowId: uniqueId('GM0363-case'),
      args: [input],
    });
  }

  it('waits with the proposal until a case handler confirms it; the record names the person; the besluit is issued', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(waiting.currentStep).toBe('voorrangsbesluit');
      expect(waiting.pendingDecision).toMatchObject({
        nodeId: 'voorrangsbesluit',
        proposal: { branch: 'priority', next: 'voorrang-toegekend' },
      });
      expect(waiting.pendingDecision?.options?.map((o) => o.branch)).toEqual(['priority', null]);
      expect(waiting.decisions).toEqual([
        expect.objectContaining({ status: 'proposed', proposal: { branch: 'priority', next: 'voorrang-toegekend' } }),
      ]);
      expect(waiting.variables.priority).toBeUndefined();
      expect(
        waiting.deadlines
          .filter((d) => d.nodeId === 'voorrangsbesluit' && d.kind !== 'case')
          .map((d) => [d.kind, d.status]),
      ).toEqual([
        ['reminder', 'pending'],
        ['timeout', 'pending'],
      ]);

      const result = await confirmProposal(handle, 'voorrangsbesluit');
      expect(result.currentStep).toBe('wacht-op-aanbod');
      const state = await handle.query(caseStateQuery);
      expect(state.variables.priority).toBe(true);
      expect(state.pendingDecision).toBeUndefined();
      expect(state.decisions[0]).toMatchObject({
        status: 'confirmed',
        branch: 'priority',
        confirmation: { by: TEST_CASE_HANDLER, branch: 'priority', deviated: false },
        besluit: { id: 'besluit-1', sha256: 'a'.repeat(64) },
      });
      expect(issued).toHaveLength(1);
      expect(issued[0]).toMatchObject({
        tenant: 'GM0363',
        decision: { nodeId: 'voorrangsbesluit', status: 'confirmed' },
      });
      expect(
        state.deadlines.filter((d) => d.nodeId === 'voorrangsbesluit' && d.kind !== 'case').map((d) => d.status),
      ).toEqual(['cancelled', 'cancelled']);
      await handle.terminate('test done');
    });
  });

  it('a case handler overrides the proposal with a reason: the other branch is taken and the deviation recorded', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      // Deviating without a reason is refused (Awb 3:46), and so is a branch the step does not have.
      const noReason = handle.executeUpdate(confirmDecisionUpdate, {
        args: [{ nodeId: 'voorrangsbesluit', branch: null, by: TEST_CASE_HANDLER }],
      });
      expect(await refusal(noReason)).toBe('REASON_REQUIRED');
      const unknown = handle.executeUpdate(confirmDecisionUpdate, {
        args: [
          { nodeId: 'voorrangsbesluit', branch: 'urgent', reason: 'een andere tak dan bestaat', by: TEST_CASE_HANDLER },
        ],
      });
      expect(await refusal(unknown)).toBe('BRANCH_UNKNOWN');
      const wrongStep = handle.executeUpdate(confirmDecisionUpdate, {
        args: [{ nodeId: 'voorrang-na-weigering', branch: 'priority', by: TEST_CASE_HANDLER }],
      });
      expect(await refusal(wrongStep)).toBe('DECISION_NOT_PENDING');

      const reason = 'Aanvrager heeft al een zelfstandige woning in een andere gemeente.';
      const result = await confirmProposal(handle, 'voorrangsbesluit', { branch: null, reason });
      expect(result.currentStep).toBe('wacht-op-aanbod');
      const state = await handle.query(caseStateQuery);
      expect(state.variables.priority).toBe(false);
      expect(state.decisions[0]).toMatchObject({
        status: 'confirmed',
        proposal: { branch: 'priority' },
        branch: null,
        next: 'geen-voorrang',
        confirmation: { deviated: true, reason, branch: null },
      });
      await handle.terminate('test done');
    });
  });

  it('the confirmation cannot be sent as an ordinary event', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      const forged = handle.executeUpdate(sendEventUpdate, {
        args: [
          {
            name: '$besluit-bevestigen',
            payload: { nodeId: 'voorrangsbesluit', branch: 'priority', by: TEST_CASE_HANDLER },
          },
        ],
      });
      expect(await refusal(forged)).toBe('EVENT_NOT_EXPECTED');
      const other = handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'woning-aangeboden', payload: { offerId: 'A-1' } }],
      });
      expect(await refusal(other)).toBe('EVENT_NOT_EXPECTED');
      expect((await handle.query(caseStateQuery)).pendingDecision?.phase).toBe('confirmation');
      await handle.terminate('test done');
    });
  });

  it('without a date of birth the outcome is onvolledig: the case waits for the fact, then decides again', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start({});
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      expect(waiting.pendingDecision?.missingFacts).toEqual(['dateOfBirth']);
      expect(waiting.expectedEvents).toEqual(['gegevens-aanvullen']);
      expect(waiting.decisions).toEqual([
        expect.objectContaining({ status: 'incomplete', missingFacts: ['dateOfBirth'], events: [] }),
      ]);
      expect(waiting.variables.priority).toBeUndefined();

      const unexpected = handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'gegevens-aanvullen', payload: { facts: { favouriteColour: 'blauw' } } }],
      });
      expect(await refusal(unexpected)).toBe('FACT_NOT_EXPECTED');
      const supplied = await handle.executeUpdate(sendEventUpdate, {
        args: [{ name: 'gegevens-aanvullen', payload: { facts: { dateOfBirth: '1990-05-01' } } }],
      });
      expect(supplied.currentStep).toBe('voorrangsbesluit');
      const proposed = await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      expect(proposed.decisions.map((d) => d.status)).toEqual(['incomplete', 'proposed']);
      expect(proposed.decisions[1]?.facts).toMatchObject({ dateOfBirth: '1990-05-01' });
      await confirmProposal(handle, 'voorrangsbesluit');
      expect((await waitForStep(handle, 'wacht-op-aanbod')).variables.priority).toBe(true);
      await handle.terminate('test done');
    });
  });

  it('a fact of the wrong type is not coerced: onvolledig, with the fact to supply again', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start({ dateOfBirth: '01-05-1990' });
      const waiting = await waitForState(handle, (s) => s.pendingDecision?.phase === 'facts');
      expect(waiting.pendingDecision?.missingFacts).toEqual(['dateOfBirth']);
      await handle.terminate('test done');
    });
  });

  it('reminds the case handler, then records the missed term and escalates, and still waits for a person', async () => {
    await rec.worker.runUntil(async () => {
      const handle = await start();
      await waitForState(handle, (s) => s.pendingDecision?.phase === 'confirmation');
      await env.sleep('15 days');
      const state = await handle.query(caseStateQuery);
      expect(rec.notifications.filter((n) => n.nodeId === 'voorrangsbesluit').map((n) => [n.kind, n.template])).toEqual(
        [
          ['reminder', 'besluit-bevestigen-herinnering'],
          ['deadline-missed', 'besluit-bevestigen-termijn-verstreken'],
        ],
      );
      expect(
        state.deadlines.filter((d) => d.nodeId === 'voorrangsbesluit' && d.kind !== 'case').map((d) => d.status),
      ).toEqual(['done', 'missed']);
      expect(state.pendingDecision?.phase).toBe('confirmation');
      expect(state.currentStep).toBe('voorrangsbesluit');
      await handle.terminate('test done');
    });
  });
});
