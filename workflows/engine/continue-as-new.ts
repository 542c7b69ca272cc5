import type { ProcessInterpreter } from '../case-state';
import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { CaseRun } from './case-run';
import { patchesAtStart } from './patches-at-start';

/** Well below Temporal's 50k-event hard limit; the server's own suggestion may come earlier. */
export const DEFAULT_HISTORY_LIMIT = 10_000;
/** The case's own history list travels in the input of the next run: keep its newest entries. */
export const KEPT_HISTORY_ENTRIES = 500;

export const PATCH_CONTINUE_AS_NEW = 'doorstroom-continue-as-new';

/**
 * At a waiting point, when the run's history is long, hands the case over to a fresh run with
 * its state and current step (pending deadlines are in the state; timers are recomputed from
 * them). Only once every update handler has answered, so no caller loses its reply.
 */
export async function maybeContinueAsNew(run: CaseRun, nodeId: string): Promise<void> {
  const info = workflowInfo();
  const limit = run.input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  if (!info.continueAsNewSuggested && info.historyLength < limit) return;
  // Cases recorded before this existed never continued as new; their replays must not either.
  if (!(patchesAtStart(run.state) || patched(PATCH_CONTINUE_AS_NEW))) return;
  await condition(() => allHandlersFinished() || run.inbox.items.length > 0);
  if (run.inbox.items.length > 0) return; // handle the event first; the next wait checks again
  const { state } = run;
  run.record({ type: 'continued-as-new', nodeId, detail: `run ${state.runs + 1}` });
  const drop = Math.max(0, state.history.length - KEPT_HISTORY_ENTRIES);
  const carried = { ...state, history: state.history.slice(drop), historyDropped: state.historyDropped + drop };
  await continueAsNew<ProcessInterpreter>({ ...run.input, resume: { state: carried, nodeId } });
}
