import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Notification } from '../../workflows/activities';
import { registerSearchAttributes } from '../../server/temporal/register-search-attributes';
import { workerOptions } from '../../workflows/worker-options';

// Worker lifecycle chatter hides test output; warnings and errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier import in this process.
}

export const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The time-skipping test server, from the binary the setup found (or the SDK's download). */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  const env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundles the workflow code once per test file: a worker can run only once, bundling takes a second. */
export function workflowBundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, logger: { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => console.error(m), log: () => undefined } });
  return bundle;
}

export interface RecordingWorker {
  worker: Worker;
  notifications: Array<Notification & { at: number }>;
}

/** A worker whose notifications are recorded with the test server's time at delivery. */
export async function createRecordingWorker(env: TestWorkflowEnvironment, taskQueue: string, extra: Partial<WorkerOptions> = {}): Promise<RecordingWorker> {
  const notifications: RecordingWorker['notifications'] = [];
  const { workflowsPath, ...options } = workerOptions({ log: silentLog, deliver: async (n) => void notifications.push({ ...n, at: await env.currentTimeMs() }) }, taskQueue);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    workflowBundle: await workflowBundle(workflowsPath as string),
    ...options,
    ...extra,
  });
  return { worker, notifications };
}
