import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TemporalUnavailableError } from '../../../platform/errors';
import { isWorkflowTaskFailing, whileWorkflowTaskFails } from '../../../services/cases/workflow-task-retry';

// What the Temporal server answers when the workflow task that carried an update was lost (the
// embedded dev server killed and restarted under it): the update is rejected unprocessed.
const unprocessed = () =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({
      message:
        "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
    }),
  );

describe('an update the server rejects unprocessed (its workflow task was lost)', () => {
  it('counts as refused-and-not-applied, unlike a rejection by the case itself', () => {
    expect(isWorkflowTaskFailing(unprocessed())).toBe(true);
    const byTheCase = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({
        message: 'Event "verhuisd" is not expected in step "wacht-op-aanbod"',
        type: 'CASE_NOT_WAITING',
      }),
    );
    expect(isWorkflowTaskFailing(byTheCase)).toBe(false);
  });

  it('is sent again, and answers 503 (nothing applied) when the server keeps rejecting it', async () => {
    let calls = 0;
    await expect(
      whileWorkflowTaskFails('GM0363-x', () => {
        calls += 1;
        return calls < 3 ? Promise.reject(unprocessed()) : Promise.resolve('applied once');
      }),
    ).resolves.toBe('applied once');
    expect(calls).toBe(3);
    await expect(
      whileWorkflowTaskFails('GM0363-x', () => Promise.reject(unprocessed()), { budgetMs: 300 }),
    ).rejects.toBeInstanceOf(TemporalUnavailableError);
  });
});
