import type { WorkerOptions, WorkflowBundleOption } from '@temporalio/worker';
import { TASK_QUEUE_DEFAULT } from '../workflows/messages';
import type { ActivityRegistry } from './activity-registry';

/**
 * Workflow modules evaluated once per worker V8 context and shared by all its cases instead of
 * evaluated again for every case: the whole workflow code (`workflows/index` and everything it
 * imports). The SDK gives each workflow its own instance of every module that was not preloaded;
 * for the interpreter that was ~40 modules (the engine, the DSL helpers, the SDK's workflow API)
 * built on every case start and after every eviction, and held per cached case (issue 13).
 *
 * What makes sharing safe, and must stay true of everything under `workflows/`:
 * - no module keeps state of one workflow at module level: per-case state lives in objects made by
 *   the workflow (`CaseRun`, `CaseState`), module-level maps are keyed by those objects (WeakMap);
 * - workflow APIs (`patched`, `condition`, `Date.now`, …) are called at run time, never at import
 *   time, so they reach the workflow of the current activation;
 * - what a module exports is frozen by the SDK after the preload (deep-freeze), so module-level
 *   exports are read, never written, and lazy caches live in closures (workflows/dsl/payload-validators.ts).
 * Bundles made without these options (or replays with another bundle) evaluate the modules per
 * workflow as before; the behaviour is the same.
 */
export const preloadedWorkflowModules = [
  // Sets the stack depth of the context's errors before the SDK freezes its globals (issue 13: the
  // SDK's promise hook keeps a stack per pending promise; see the module).
  require.resolve('../workflows/stack-trace-limit'),
  require.resolve('../workflows/dsl/payload-validators'),
  require.resolve('../workflows/index'),
];

/** The workflow code's entry module: bundled by each worker, or once for several (worker/start-worker.ts). */
export const workflowsPath = require.resolve('../workflows/index');

export const workflowBundlerOptions = {
  preloadModules: preloadedWorkflowModules,
};

/** The options every Doorstroom worker shares: `npm run worker`, `npm start`, the benchmarks and the tests. */
export function workerOptions(
  activities: ActivityRegistry,
  taskQueue?: string,
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities' | 'bundlerOptions'> & { workflowsPath: string };
/** With a bundle made once (bundleWorkflowCode with these options): for several workers in one process. */
export function workerOptions(
  activities: ActivityRegistry,
  taskQueue: string,
  bundle: WorkflowBundleOption | undefined,
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities' | 'bundlerOptions' | 'workflowBundle'>;
export function workerOptions(
  activities: ActivityRegistry,
  taskQueue = TASK_QUEUE_DEFAULT,
  bundle?: WorkflowBundleOption,
): Pick<WorkerOptions, 'taskQueue' | 'workflowsPath' | 'activities' | 'bundlerOptions' | 'workflowBundle'> {
  if (bundle) return { taskQueue, workflowBundle: bundle, activities };
  return {
    taskQueue,
    workflowsPath,
    activities,
    bundlerOptions: workflowBundlerOptions,
  };
}
