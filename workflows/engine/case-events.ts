import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities, CaseEventMessage } from '../../worker/activities';
import type { CaseRun } from './case-run';

// A local activity: publishing only writes a few rows and starts delivery workflows, so it runs in
// the worker beside the case, without a task-queue round trip for every step of every case.
const local = proxyLocalActivities<Pick<Activities, 'publishCaseEvent'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Cases recorded before case events existed replay without these activity calls. */
export const CASE_EVENTS_PATCH = 'doorstroom-case-events';

/**
 * Whether this case publishes case events. Call sites test it before awaiting `emitCaseEvent`:
 * even an await of nothing yields to the other coroutine, which would reorder the commands of
 * cases recorded before the patch.
 */
export function caseEventsOn(): boolean {
  return patched(CASE_EVENTS_PATCH);
}

/**
 * Tells webhook subscribers what happened, with references only. The id is fixed by the case's
 * own history (run and entry number), so a retried activity publishes the same event once.
 */
export async function emitCaseEvent(
  run: CaseRun,
  type: CaseEventMessage['type'],
  extra: Pick<CaseEventMessage, 'step' | 'outcome' | 'deadline' | 'decision'> = {},
): Promise<void> {
  const { state } = run;
  await local.publishCaseEvent({
    id: `${state.caseId}:${state.runs}:${state.history.length}:${type}`,
    type,
    tenant: state.tenant,
    caseId: state.caseId,
    processId: state.processId,
    step: state.currentStep ?? undefined,
    occurredAt: run.now().toISOString(),
    ...extra,
  });
}
