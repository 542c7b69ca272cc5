import type { WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages';
import type { ActivityRegistry } from './activity-registry';

/** The options every Doorstroom worker shares: `npm run worker`, `npm start`, the benchmarks and the tests. */
export function workerOptions(
  activities: ActivityRegistry,
  taskQueue = TASK_QUEUE_DEFAULT,
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities'> {
  return { taskQueue, workflowsPath: require.resolve('../workflows/index'), activities };
}
