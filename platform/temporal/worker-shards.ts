/**
 * Several SDK workers in one worker process, on the same task queue, each caching its share of the
 * cases (issue 13, docs/performance.md "The SDK core's scan of its workflow cache").
 *
 * Why: the SDK core (@temporalio/core-bridge 1.24) handles each worker's workflow tasks on one thread,
 * and for every input it handles there — a new workflow task, a completion, a report after an
 * activation — it walks the worker's whole workflow cache once (`reconcile_buffered` in
 * `workflow_stream.rs` counts the runs being evicted before it looks whether any task waits for a
 * slot). With 20,000 cached cases that walk is most of an event's CPU in the worker and it is done on
 * one thread, so the event path's throughput falls as the cache grows. Split over `n` workers, each
 * walk is `n` times shorter and the `n` walks run on `n` threads. A case stays with the worker that
 * has it cached (the server's sticky queue); new cases go to whichever worker polls first.
 *
 * The price per extra worker: its own workflow thread (a V8 isolate with the workflow code loaded,
 * tens of MB), its own connection and pollers — and more work in flight at the server at once. Measured
 * at 10,000 cases on the embedded dev server (docs/performance.md): five shards took the event p99 from
 * 2.05× the bare workflow's to 0.91×, but starts fell from 96 to 38 a second, the dev server's one SQLite
 * database retrying the linked cases' starts. So shards are the operator's choice (TEMPORAL_WORKER_SHARDS,
 * default 1), suggested at about one per 5,000 cached cases where events matter more than bursts of
 * starts; at most MAX_WORKER_SHARDS.
 */
export const MAX_WORKER_SHARDS = 8;

/** Each worker's cache when `shards` workers share `maxCachedWorkflows` (0 stays 0: no cache at all). */
export function cachePerShard(maxCachedWorkflows: number, shards: number): number {
  return Math.ceil(maxCachedWorkflows / Math.max(1, shards));
}
