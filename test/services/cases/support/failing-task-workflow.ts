import { setHandler } from '@temporalio/workflow';
import type { CaseState } from '../../../../workflows/case-state';
import { caseStateQuery } from '../../../../workflows/messages';

/**
 * A case whose every workflow task fails: a plain Error fails the task, not the workflow, and the
 * server retries it — as it retries a task that timed out on a loaded machine. Meanwhile the server
 * refuses updates and queries on the case ("Workflow Task in failed state").
 */
export async function processInterpreter(): Promise<CaseState> {
  setHandler(caseStateQuery, () => {
    throw new Error('not reached: the task fails first');
  });
  await Promise.resolve();
  throw new Error('a workflow task that fails, as one that timed out under load does');
}
