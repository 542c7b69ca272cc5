import type { WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages';

/** The options every Doorstroom worker shares: `npm run worker`, `npm start` and the tests. */
export function workerOptions(
  deps: ActivityDeps,
  taskQueue = TASK_QUEUE_DEFAULT,
  /** More activities beside the interpreter's, e.g. webhook delivery (needs the store). */
  extraActivities: object = {},
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities'> {
  return {
    taskQueue,
    workflowsPath: require.resolve('../workflows/index'),
    activities: { ...createActivities(deps), ...extraActivities },
  };
}
