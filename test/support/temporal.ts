import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkerOptions,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { registerSearchAttributes } from '../../platform/temporal/register-search-attributes';
import { InMemoryQuotaLedger } from '../../services/quota/quota-ledger';
import { createActivityRegistry, type ActivityDeps } from '../../worker/activity-registry';
import { workerOptions, workflowBundlerOptions } from '../../worker/worker-options';
import type { Notification } from '../../workflows/activity-types';
import { testActivityDeps } from './activity-deps';
import type { CaseState, DecisionConfirmationRequest, EventResult } from '../../workflows/case-state';
import { caseStateQuery, confirmDecisionUpdate } from '../../workflows/messages';

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
  const env = await TestWorkflowEnvironment.createTimeSkipping(
    path ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundles the workflow code once per test file: a worker can run only once, bundling takes a second. */
export function workflowBundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath,
    // As the product's workers bundle it (shared, preloaded validator module).
    ...workflowBundlerOptions,
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (m) => console.error(m),
      log: () => undefined,
    },
  });
  return bundle;
}

export interface RecordingWorker {
  worker: Worker;
  notifications: Array<Notification & { at: number }>;
  /** Completed calls per activity name (a retried attempt counts again). */
  calls: Record<string, number>;
  quota: InMemoryQuotaLedger;
}

/** Shared between workers that take over from each other (killed-worker tests). */
export interface Recorder {
  notifications: RecordingWorker['notifications'];
  calls: RecordingWorker['calls'];
  quota: InMemoryQuotaLedger;
}

export function createRecorder(): Recorder {
  return { notifications: [], calls: {}, quota: new InMemoryQuotaLedger() };
}

/**
 * A worker whose notifications are recorded with the test server's time at delivery, whose
 * activity calls are counted, and whose placements go to an in-memory ledger. `deps` replaces
 * activity dependencies (e.g. a fake rule-set source); `recorder` lets two workers share records.
 */
export async function createRecordingWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  extra: Partial<WorkerOptions> = {},
  deps: Partial<ActivityDeps> = {},
  recorder: Recorder = createRecorder(),
): Promise<RecordingWorker> {
  const { notifications, calls, quota } = recorder;
  const {
    workflowsPath,
    activities,
    bundlerOptions: _bundled,
    ...options
  } = workerOptions(
    createActivityRegistry(
      testActivityDeps({
        quota,
        deliver: async (n) => void notifications.push({ ...n, at: await env.currentTimeMs() }),
        ...deps,
      }),
    ),
    taskQueue,
  );
  const counted = Object.fromEntries(
    Object.entries(activities as Record<string, (...args: unknown[]) => Promise<unknown>>).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        const result = await fn(...args);
        calls[name] = (calls[name] ?? 0) + 1;
        return result;
      },
    ]),
  );
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    workflowBundle: await workflowBundle(workflowsPath),
    activities: counted,
    ...options,
    ...extra,
  });
  return { worker, notifications, calls, quota };
}

/** Polls the caseState query until `ok` holds (activities run in real time; nothing skips time here). */
export async function waitForState(
  handle: { query: (q: typeof caseStateQuery) => Promise<CaseState> },
  ok: (s: CaseState) => boolean,
  timeoutMs = 15_000,
): Promise<CaseState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await handle.query(caseStateQuery);
    if (ok(state)) return state;
    if (Date.now() > deadline) throw new Error(`case ${state.caseId} stayed in ${state.currentStep} (${state.status})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the case waits in `step`. */
export function waitForStep(
  handle: Parameters<typeof waitForState>[0],
  step: string,
  timeoutMs?: number,
): Promise<CaseState> {
  return waitForState(handle, (s) => s.currentStep === step, timeoutMs);
}

/** The case handler who confirms decisions in the workflow tests. */
export const TEST_CASE_HANDLER = {
  userId: 'user-behandelaar-1',
  username: 'behandelaar',
  displayName: 'Bea Behandelaar',
};

/**
 * Waits until decision `nodeId` proposes, then confirms it as the test's case handler: the
 * proposal itself, or `choice` (another branch with a reason) to deviate.
 */
export async function confirmProposal(
  handle: Parameters<typeof waitForState>[0] & {
    executeUpdate: (
      u: typeof confirmDecisionUpdate,
      o: { args: [DecisionConfirmationRequest] },
    ) => Promise<EventResult>;
  },
  nodeId: string,
  choice?: { branch: string | null; reason: string },
): Promise<EventResult> {
  const state = await waitForState(
    handle,
    (s) => s.pendingDecision?.nodeId === nodeId && s.pendingDecision.phase === 'confirmation',
  );
  const branch = choice ? choice.branch : (state.pendingDecision?.proposal?.branch ?? null);
  return handle.executeUpdate(confirmDecisionUpdate, {
    args: [{ nodeId, branch, ...(choice ? { reason: choice.reason } : {}), by: TEST_CASE_HANDLER }],
  });
}
