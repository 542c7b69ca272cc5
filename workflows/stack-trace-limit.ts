/**
 * How many call frames an error made in the workflow V8 context records (V8's default is 10).
 *
 * Issue 13, memory per cached case: for the `__stack_trace` query the SDK's promise hook makes an
 * `Error` for every promise created in workflow code and keeps its stack (text and parsed frames)
 * until the promise settles. An idle interpreter case has ~33 promises pending (its walk and its
 * deadline watcher waiting in `condition`s, the SDK's cancellation scopes and timers under them),
 * and each kept the text of 10 frames — 8 of them after the hook's own two — ~50 kB per cached
 * case, half of the case's heap. The frames that say where a coroutine waits are the first ones:
 * the ones after the workflow's own are the SDK's, or the worker's outside the workflow context,
 * which the SDK cuts off anyway.
 *
 * 5 frames = the hook's two (`init`, `initAll`) and three of the workflow: the query still shows
 * where each coroutine waits (`condition` ← `runWait` ← …), and the SDK still links the inner
 * promises of `Promise.race`/`all` to their aggregate (it recognises them by the two frames after
 * its own, followed by a line break). An error thrown in workflow code (a failure's stack trace)
 * also has its 5 innermost frames: the place it was thrown and its callers. Only text changes:
 * no command, no result, no replay depends on a stack's depth.
 */
export const WORKFLOW_STACK_TRACE_LIMIT = 5;

/**
 * Sets the limit on this context's `Error`. Preloaded only (worker/worker-options.ts): the SDK runs
 * preloaded modules once per worker V8 context, before it deep-freezes the context's globals, and
 * the frozen value then holds for every workflow in it. Evaluated anywhere else (a bundle without
 * the preload, where `Error` is frozen already) it leaves the limit alone.
 */
export function limitWorkflowStackTraces(limit = WORKFLOW_STACK_TRACE_LIMIT): boolean {
  const own = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (Object.isFrozen(Error) || (own && !own.writable)) return false;
  Error.stackTraceLimit = limit;
  return true;
}

limitWorkflowStackTraces();
