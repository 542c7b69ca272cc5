import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  patched,
} from '@temporalio/workflow';
import type { CaseInput, CaseState } from './case-state';
import type { ProcessNode } from './dsl/schema';
import { caseEventsOn, caseStartedEventOn, emitCaseEvent } from './engine/case-events';
import { CaseRun } from './engine/case-run';
import { nodeRunners } from './engine/node-runners';
import { runWait } from './engine/run-wait';
import { watchCaseDeadlines } from './engine/watch-case-deadlines';
import {
  patchesAtStart,
  patchesAtStart2,
  patchesAtStart3,
  patchesAtStart4,
  patchesAtStart5,
  patchesAtStart6,
} from './engine/patches-at-start';

const CANCEL_STATE_PATCH = 'doorstroom-cancel-state';

/** Walks the graph from the start (or from where the previous run stopped) to an end node. */
async function walk(run: CaseRun): Promise<void> {
  const { definition, state, input } = run;
  let nodeId: string | null = definition.start;
  if (input.resume) {
    // Continue-as-new happens only in a wait step: pick it up where the previous run left it.
    const node = run.nodes.get(input.resume.nodeId);
    if (node?.kind !== 'wait')
      throw ApplicationFailure.nonRetryable(
        `Resume point "${input.resume.nodeId}" is not a wait step`,
        'DEFINITION_BROKEN',
      );
    nodeId = await runWait(node, run, true);
  } else {
    run.record({ type: 'case-started', nodeId });
    // The id the server used when it published case.started: a start through an older API still delivers once.
    if (caseStartedEventOn(run.state))
      await emitCaseEvent(run, 'case.started', { id: `${state.caseId}:started`, step: definition.start });
  }
  while (nodeId !== null) {
    const node: ProcessNode | undefined = run.nodes.get(nodeId);
    if (!node)
      throw ApplicationFailure.nonRetryable(
        `Definition ${definition.id} v${definition.version}: node "${nodeId}" does not exist`,
        'DEFINITION_BROKEN',
      );
    state.currentStep = node.id;
    state.expectedEvents = [];
    run.record({ type: 'step-entered', nodeId: node.id });
    if (caseEventsOn(run.state)) await emitCaseEvent(run, 'case.step-entered', { step: node.id });
    nodeId = await (nodeRunners[node.kind] as (n: ProcessNode, r: CaseRun) => Promise<string | null>)(node, run);
  }
}

/**
 * The one generic workflow: walks the process definition given in its input. Everything that
 * decides the path is in the definition snapshot, so a running case keeps its version and
 * replays deterministically; `Date.now()` is workflow time here. Case-level deadlines run in a
 * second coroutine beside the walk.
 */
export async function processInterpreter(input: CaseInput): Promise<CaseState> {
  // First, before any activity: a new case records this one marker in its first workflow task, and
  // it stands for the start patches before it; cases started before it ask those as they did.
  const dutchDays = patchesAtStart6();
  const subscriptionsFromEvents = dutchDays || patchesAtStart5();
  const steadyDeadlineTimer = subscriptionsFromEvents || patchesAtStart4();
  const fewerTasks = steadyDeadlineTimer || patchesAtStart3();
  if (!fewerTasks) patchesAtStart();
  // Asked once, here: a case started before the patch answers false now and keeps that answer when
  // it is cancelled later (asked again then, live, the SDK would say true for an old case).
  const publishesCancellation = fewerTasks || patchesAtStart2();
  const run = new CaseRun(input, { fewerTasks, steadyDeadlineTimer, subscriptionsFromEvents, dutchDays });
  try {
    await Promise.all([walk(run), watchCaseDeadlines(run)]);
  } catch (err) {
    // Cancelled through the API (with its reason in the audit trail): the state says so, then the run ends as cancelled.
    if (isCancellation(err) && (patchesAtStart(run.state) || patched(CANCEL_STATE_PATCH))) {
      run.state.status = 'cancelled';
      run.record({ type: 'cancelled', nodeId: run.state.currentStep ?? undefined });
      run.publish();
      run.inbox.rejectRemaining('The case was cancelled.');
      // Subscribers (and the ZGW write-back, which closes the zaak) hear of it; references only, never the reason.
      if (publishesCancellation)
        await CancellationScope.nonCancellable(() =>
          emitCaseEvent(run, 'case.cancelled', { id: `${run.state.caseId}:cancelled` }),
        );
    }
    throw err;
  }
  // Events that arrive after the end are rejected by the validator; wait for handlers in flight.
  run.inbox.rejectRemaining();
  await condition(allHandlersFinished);
  return run.state;
}
