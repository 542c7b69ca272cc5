import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { CaseInput, CaseState } from '../../workflows/case-state';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import type { processInterpreter } from '../../workflows/interpreter';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../../workflows/messages';
import harV1 from './dsl/format-1/har-overdracht.json';
import housingV1 from './dsl/format-1/huisvesting-statushouder.json';
import { confirmProposal, createRecordingWorker, createTimeSkippingEnv, waitForStep } from '../support/temporal';
import {
  archivedBuiltIn,
  dateOf,
  harCaseInput,
  harDefinition,
  housingCaseInput,
  housingDefinition,
  twoMunicipalityRuleSets,
  uniqueId,
} from '../support/factories';

/**
 * The same cases run once on a format-version-1 snapshot (as cases started before version 2 hold)
 * and once on the version-2 built-in: every event answer, every history entry, decision and
 * notification must be the same, relative to the case's start.
 */
describe('format version 2: a version-1 snapshot and its version-2 definition run the same case alike', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const asSnapshot = (d: unknown) => d as ProcessDefinition;

  /**
   * What a run shows, without the instants: the two runs start at different points of the test
   * server's skipped time, so calendar months and half-years differ between them.
   */
  function comparable(state: CaseState, answers: unknown[], notifications: Array<{ template: string }>) {
    const undated = (text: string | undefined) => text?.replace(/\d{4}-H[12]/g, 'JJJJ-H');
    return {
      answers,
      outcome: state.outcome,
      caseStatus: state.caseStatus,
      variables: state.variables,
      dates: Object.keys(state.dates).sort(),
      history: state.history.map(({ at: _at, detail, ...h }) => ({ ...h, detail: undated(detail) })),
      deadlines: state.deadlines.map(({ at: _at, ...d }) => d),
      decisions: state.decisions.map(({ at: _at, confirmation, peildatum: _p, ...d }) => ({
        ...d,
        confirmation: confirmation && { ...confirmation, at: undefined },
      })),
      placements: state.placements.map(({ placedOn: _on, halfYear: _h, ...p }) => p),
      notifications: notifications.map((n) => n.template),
    };
  }

  async function run(
    input: CaseInput,
    firstStep: string,
    script: (send: (name: string, payload: Record<string, unknown>) => Promise<unknown>) => Promise<void>,
  ) {
    const taskQueue = uniqueId('format');
    const rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
    return rec.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-format'),
        args: [input],
      });
      await waitForStep(handle, firstStep);
      const answers: unknown[] = [];
      const send = async (name: string, payload: Record<string, unknown>) => {
        try {
          const r = await handle.executeUpdate(sendEventUpdate, { args: [{ name, payload }] });
          answers.push({ accepted: true, currentStep: r.currentStep, status: r.status });
        } catch (err) {
          const cause = (err as { cause?: { type?: string; message?: string } }).cause;
          answers.push({ refused: cause?.type, message: cause?.message });
        }
      };
      await script(send);
      const state = await handle.result();
      return comparable(state, answers, rec.notifications);
    });
  }

  it('har-overdracht: a refused payload, placement, reminders, the term passing, then housed', async () => {
    const script = async (send: (n: string, p: Record<string, unknown>) => Promise<unknown>) => {
      const today = dateOf(await env.currentTimeMs());
      await send('woning-gevonden', { tenancyStartDate: 'morgen' });
      await send('onbekend', {});
      await send('plaatsing-bevestigd', { scheme: 'HAR', placementDate: today });
      await env.sleep('190 days');
      await send('woning-gevonden', { tenancyStartDate: dateOf(await env.currentTimeMs()) });
    };
    const v1 = await run(harCaseInput({ definition: asSnapshot(harV1) }), 'wacht-op-plaatsing', script);
    // The version-1 file is har-overdracht v1: its format-2 form is archived (v2 added a step).
    const v2 = await run(
      harCaseInput({ definition: archivedBuiltIn('har-overdracht', 1) }),
      'wacht-op-plaatsing',
      script,
    );
    expect(harDefinition().formatVersion).toBe(2);
    expect(v1.answers).toHaveLength(4);
    expect(v1.answers[0]).toMatchObject({ refused: 'INVALID_PAYLOAD' });
    expect(v1.outcome).toBe('gehuisvest');
    expect(v2).toEqual(v1);
  });

  it('huisvesting-statushouder: the decision gets the same facts, in the same order, from the shared fact mapping', async () => {
    const decisionsOf = async (definition: ProcessDefinition) => {
      const taskQueue = uniqueId('format');
      const rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
      return rec.worker.runUntil(async () => {
        const today = dateOf(await env.currentTimeMs());
        const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
          taskQueue,
          workflowId: uniqueId('GM0363-format'),
          args: [housingCaseInput(today, { definition })],
        });
        await confirmProposal(handle, 'voorrangsbesluit');
        const state = await waitForStep(handle, 'wacht-op-aanbod');
        await handle.terminate('test done');
        return state.decisions.map((d) => ({ facts: d.facts, order: Object.keys(d.facts), branch: d.branch }));
      });
    };
    const v1 = await decisionsOf(asSnapshot(housingV1));
    const v2 = await decisionsOf(archivedBuiltIn('huisvesting-statushouder', 1));
    expect(housingDefinition().formatVersion).toBe(2);
    expect(v1).toHaveLength(1);
    expect(v1[0]?.order).toContain('dateOfBirth');
    expect(v2).toEqual(v1);
  });
});
