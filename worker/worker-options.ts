import type { WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages';
import type { ActivityRegistry } from './activity-registry';

/**
 * Workflow modules evaluated once per worker and shared by all its cases instead of once per case:
 * only modules without per-workflow state (see workflows/dsl/payload-validators.ts).
 */
export const workflowBundlerOptions = {
  preloadModules: [require.resolve('../workflows/dsl/payload-validators')],
};

/** The options every Doorstroom worker shares: `npm run worker`, `npm start`, the benchmarks and the tests. */
export function workerOptions(
  activities: ActivityRegistry,
  taskQueue = TASK_QUEUE_DEFAULT,
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities' | 'bundlerOptions'> {
  return {
    taskQueue,
    workflowsPath: require.resolve('../workflows/index'),
    activities,
    bundlerOptions: workflowBundlerOptions,
  };
}
