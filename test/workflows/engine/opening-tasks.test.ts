import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { processInterpreter } from '../../../workflows/interpreter';
import { caseStateQuery, INTERPRETER_WORKFLOW } from '../../../workflows/messages';
import { NEWEST_START_PATCH } from '../../../workflows/engine/patches-at-start';
import {
  createRecordingWorker,
  createTimeSkippingEnv,
  workflowBundle,
  type RecordingWorker,
} from '../../support/temporal';
import { dateOf, housingCaseInput, twoMunicipalityRuleSets, uniqueId } from '../../support/factories';

type History = Awaited<
  ReturnType<ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>['fetchHistory']>
>;
type HistoryEvent = NonNullable<History['events']>[number];

/** What the server did for a case until it first waited: workflow tasks, activity tasks, child starts, events. */
function serverWork(events: HistoryEvent[]) {
  return {
    workflowTasks: events.filter((e) => e.workflowTaskCompletedEventAttributes).length,
    activityTasks: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    childStarts: events.filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes).length,
    localActivities: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
  };
}

function localActivityTypes(events: HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const attrs = e.markerRecordedEventAttributes;
    const data = attrs?.details?.data?.payloads?.[0]?.data;
    if (attrs?.markerName !== 'core_local_activity' || !data) return [];
    return [(JSON.parse(Buffer.from(data).toString()) as { activity_type: string }).activity_type];
  });
}

/**
 * Issue 13: at 10,000 cases the server's work per case bounds the throughput. A new housing case
 * (v4: the linked inburgering case at the koppeling, then the priority decision) reaches its first
 * wait in two workflow tasks — the second only because the server answers the child's start with
 * one — and no activity task: the definition and rule-set look-ups are local activities
 * (start patch 3). Before: four workflow tasks and two activity tasks.
 */
describe('a new case opening (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let rec: RecordingWorker;
  let flaky: RecordingWorker;
  const taskQueue = uniqueId('opening');
  const flakyQueue = uniqueId('opening-flaky');
  let failures = 1;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    rec = await createRecordingWorker(env, taskQueue, {}, { ruleSets: twoMunicipalityRuleSets() });
    const ruleSets = twoMunicipalityRuleSets();
    flaky = await createRecordingWorker(
      env,
      flakyQueue,
      {},
      {
        ruleSets: {
          published: async (tenant, kind) => {
            if (failures-- > 0) throw new Error('store down');
            return ruleSets.published(tenant, kind);
          },
        },
      },
    );
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('a housing case waits for its decision after 2 workflow tasks, 0 activity tasks and 1 child start; its linked case publishes nothing nobody subscribed to', async () => {
    const workflowId = uniqueId('GM0363-opening');
    const { history, childHistory, state } = await rec.worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const input = housingCaseInput(dateOf(now), {
        // As the case service starts a case: a municipality without webhook subscriptions.
        caseEvents: { types: [], asOf: new Date(now).toISOString() },
      });
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId,
        args: [input],
      });
      // Until nothing moves: both histories the same length twice over, 500 ms apart. Histories,
      // not a query: the test server answers a query with a workflow task of its own.
      const child = env.client.workflow.getHandle(`${workflowId}-start-inburgering`);
      const lengths = async () => {
        const parent = await handle.fetchHistory();
        const linked = await child.fetchHistory().catch(() => undefined);
        return { parent, linked, key: `${parent.events?.length}/${linked?.events?.length}` };
      };
      let last = await lengths();
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        const now = await lengths();
        if (now.linked && now.key === last.key) break;
        last = now;
      }
      const { parent: history } = last;
      const childHistory = last.linked as History;
      return { history, childHistory, state: await handle.query(caseStateQuery) };
    });
    expect(state.pendingDecision).toMatchObject({ nodeId: 'voorrangsbesluit', phase: 'confirmation' });
    expect(state.history.map((h) => h.type)).toEqual([
      'case-started',
      'step-entered',
      'task',
      'step-entered',
      'decision',
    ]);
    expect(serverWork(history.events ?? [])).toEqual({
      workflowTasks: 2,
      activityTasks: 0,
      childStarts: 1,
      localActivities: 2, // the inburgering definition, the priority rule set
    });
    // Started knowing the subscriptions: no case.started nor case.step-entered published for nobody.
    expect(serverWork(childHistory.events ?? [])).toEqual({
      workflowTasks: 1,
      activityTasks: 0,
      childStarts: 0,
      localActivities: 0,
    });
    const patches = (history.events ?? []).flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id] : [];
    });
    expect(patches).toContain(NEWEST_START_PATCH);
    const bundle = await workflowBundle(require.resolve('../../../workflows/interpreter'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });

  it('a look-up that fails its one local attempt is done by the activity, with its retries, and the case goes on', async () => {
    const workflowId = uniqueId('GM0363-opening-flaky');
    const history = await flaky.worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue: flakyQueue,
        workflowId,
        args: [housingCaseInput(dateOf(await env.currentTimeMs()))],
      });
      // Until the activity has answered (the only activity of this opening).
      while (!((await handle.fetchHistory()).events ?? []).some((e) => e.activityTaskCompletedEventAttributes))
        await new Promise((r) => setTimeout(r, 300));
      return handle.fetchHistory();
    });
    const events = history.events ?? [];
    expect(
      events
        .filter((e) => e.activityTaskScheduledEventAttributes)
        .map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name),
    ).toEqual(['evaluateDecision']);
    // resolveDefinition, and evaluateDecision's failed attempt (beside them: this case's publications).
    const lookups = localActivityTypes(events).filter((t) => t !== 'publishCaseEvent');
    expect(lookups).toEqual(['resolveDefinition', 'evaluateDecision']);
    expect(failures).toBeLessThan(0); // the activity asked the rule sets again
    const bundle = await workflowBundle(require.resolve('../../../workflows/interpreter'));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, workflowId)).resolves.toBeUndefined();
  });
});
