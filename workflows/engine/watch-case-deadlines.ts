import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';
import type { Deadline } from '../case-state';
import { acts } from './activity-proxies';
import { caseEventsOn, emitCaseEvent } from './case-events';
import type { CaseRun } from './case-run';
import { caseDeadline } from './deadlines';

/** Brings the case deadlines in the state up to date with the dates; true when something changed. */
function refresh(run: CaseRun): boolean {
  const { state } = run;
  let changed = false;
  for (const spec of run.definition.deadlines ?? []) {
    const id = `case:${spec.id}`;
    const existing = state.deadlines.find((d) => d.id === id);
    if (existing && existing.status !== 'pending') continue;
    const now = caseDeadline(spec, run.scope(), state.currentStep ?? '');
    if (!now) continue;
    if (!existing) state.deadlines.push(now);
    else if (now.status === 'met' || existing.at !== now.at)
      Object.assign(existing, { status: now.status, at: now.at, nodeId: now.nodeId });
    else continue;
    if (now.status === 'met')
      run.record({ type: 'deadline-met', nodeId: state.currentStep ?? undefined, detail: spec.label.nl });
    changed = true;
  }
  return changed;
}

interface DeadlineTimer {
  /** The instant it fires at (the deadline's `at`). */
  at: string;
  fired: boolean;
  cancel(): void;
}

/** A timer in a scope of its own, so it can be cancelled when the earliest deadline moves. */
function startTimer(at: string, ms: number): DeadlineTimer {
  const scope = new CancellationScope();
  const timer: DeadlineTimer = { at, fired: false, cancel: () => scope.cancel() };
  scope
    .run(() => sleep(ms))
    .then(
      () => {
        timer.fired = true;
      },
      (err: unknown) => {
        // Cancelled because the deadline moved (or the case was cancelled): nothing to do.
        if (!isCancellation(err)) throw err;
      },
    );
  return timer;
}

/**
 * Deadlines of the whole case (e.g. 12 weeks from koppeling to moved) run beside the steps: this
 * coroutine keeps one timer on the earliest pending one, wherever the case waits — also while a
 * subprocess runs. A deadline whose `metBy` date is set is met; one that comes due first is missed
 * and notified. Deterministic: it only reacts to workflow time and to the case's own changes.
 */
export async function watchCaseDeadlines(run: CaseRun): Promise<void> {
  const { state } = run;
  if (!run.definition.deadlines?.length) return;
  let timer: DeadlineTimer | undefined;
  for (;;) {
    if (state.status !== 'running') return;
    if (refresh(run)) run.publish();
    const due: Deadline | undefined = state.deadlines
      .filter((d) => d.kind === 'case' && d.status === 'pending')
      .sort((a, b) => a.at.localeCompare(b.at))[0];
    const seen = run.changes;
    if (!due) {
      await condition(() => run.changes !== seen);
      continue;
    }
    const waitMs = new Date(due.at).getTime() - Date.now();
    if (waitMs > 0) {
      if (!run.steadyDeadlineTimer) {
        if (await condition(() => run.changes !== seen, waitMs)) continue;
      } else {
        // One timer per instant: a change that leaves the earliest deadline where it was keeps it.
        if (timer?.at !== due.at) {
          timer?.cancel();
          timer = startTimer(due.at, waitMs);
        }
        const current = timer;
        await condition(() => current.fired || run.changes !== seen);
        if (!current.fired) continue;
        timer = undefined;
      }
    }
    if (state.status !== 'running') continue;
    if (refresh(run)) {
      run.publish();
      continue;
    }
    due.status = 'missed';
    due.nodeId = state.currentStep ?? '';
    run.record({ type: 'deadline-missed', nodeId: state.currentStep ?? undefined, detail: due.label });
    run.publish();
    const spec = run.definition.deadlines?.find((d) => `case:${d.id}` === due.id);
    await acts.notify({
      tenant: state.tenant,
      caseId: state.caseId,
      processId: state.processId,
      nodeId: state.currentStep ?? '',
      kind: 'deadline-missed',
      template: typeof spec?.notify?.template === 'string' ? spec.notify.template : due.id,
      params: { deadline: due.at, step: state.currentStep },
    });
    if (caseEventsOn(run.state))
      await emitCaseEvent(run, 'case.deadline-passed', { deadline: { id: due.id, at: due.at } });
  }
}
