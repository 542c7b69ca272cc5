import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { EnhancedStackTrace } from '@temporalio/workflow';
import { preloadedWorkflowModules, workerOptions } from '../../worker/worker-options';
import { createActivityRegistry } from '../../worker/activity-registry';
import type { processInterpreter } from '../../workflows/interpreter';
import { INTERPRETER_WORKFLOW } from '../../workflows/messages';
import { WORKFLOW_STACK_TRACE_LIMIT } from '../../workflows/stack-trace-limit';
import { testActivityDeps } from '../support/activity-deps';
import { dateOf, housingCaseInput, uniqueId } from '../support/factories';
import {
  confirmProposal,
  createRecordingWorker,
  createTimeSkippingEnv,
  waitForStep,
  workflowBundle,
} from '../support/temporal';

const silent = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (m: string) => console.error(m),
  log: () => undefined,
};

/** The frames of each stack the `__stack_trace` query answers (stacks are separated by a blank line). */
const framesOf = (stackTrace: string): string[][] =>
  stackTrace
    .split(/\n\s*\n/)
    .map((stack) => stack.split('\n').filter((line) => /^\s+at /.test(line)))
    .filter((frames) => frames.length > 0);

/**
 * Issue 13, memory per cached case: the SDK keeps a stack per pending workflow promise for the
 * `__stack_trace` query; the preloaded workflows/stack-trace-limit.ts keeps those stacks to the
 * workflow's own innermost frames (5 frames, two of them the SDK's hook, which it drops).
 */
describe('stack depth in the workflow context (time-skipping)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  /** A housing case waiting for an offer (its deadline watcher beside it), and its stack queries. */
  async function waitingCaseStacks(worker: Worker, taskQueue: string) {
    return worker.runUntil(async () => {
      const today = dateOf(await env.currentTimeMs());
      const handle = await env.client.workflow.start<typeof processInterpreter>(INTERPRETER_WORKFLOW, {
        taskQueue,
        workflowId: uniqueId('GM0363-case'),
        args: [housingCaseInput(today)],
      });
      await confirmProposal(handle, 'voorrangsbesluit');
      await waitForStep(handle, 'wacht-op-aanbod');
      const text = await handle.query<string>('__stack_trace');
      const enhanced = await handle.query<EnhancedStackTrace>('__enhanced_stack_trace');
      await handle.terminate('test done');
      return { text, enhanced };
    });
  }

  it('keeps the three innermost workflow frames of each pending promise: where the case waits', async () => {
    expect(preloadedWorkflowModules[0]).toBe(require.resolve('../../workflows/stack-trace-limit'));
    const taskQueue = uniqueId('stack-limit');
    const { worker } = await createRecordingWorker(env, taskQueue);
    const { text, enhanced } = await waitingCaseStacks(worker, taskQueue);
    const stacks = framesOf(text);
    expect(stacks.length).toBeGreaterThan(0);
    const own = WORKFLOW_STACK_TRACE_LIMIT - 2; // the SDK drops its hook's two frames
    for (const frames of stacks) expect(frames.length).toBeLessThanOrEqual(own);
    for (const stack of enhanced.stacks) expect(stack.locations.length).toBeLessThanOrEqual(own);
    // Still says where the case waits: the walk in its wait step, the watcher on its deadline.
    expect(text).toMatch(/at runWait \(.*workflows\/engine\/run-wait\.ts:\d+:\d+\)/);
    expect(text).toMatch(/at watchCaseDeadlines \(.*workflows\/engine\/watch-case-deadlines\.ts:\d+:\d+\)/);
  }, 120_000);

  it('without the preloaded limit (as before) the same waiting case keeps deeper stacks', async () => {
    const bundle: WorkflowBundleWithSourceMap = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows/index'),
      preloadModules: preloadedWorkflowModules.filter((m) => !m.includes('stack-trace-limit')),
      logger: silent,
    });
    expect(bundle.code).not.toBe((await workflowBundle(require.resolve('../../workflows/index'))).code);
    const taskQueue = uniqueId('stack-default');
    const {
      workflowsPath: _path,
      bundlerOptions: _bundled,
      ...options
    } = workerOptions(createActivityRegistry(testActivityDeps({})), taskQueue);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      workflowBundle: bundle,
      ...options,
    });
    const { text } = await waitingCaseStacks(worker, taskQueue);
    const deepest = Math.max(...framesOf(text).map((frames) => frames.length));
    expect(deepest).toBeGreaterThan(WORKFLOW_STACK_TRACE_LIMIT - 2);
  }, 180_000);
});
