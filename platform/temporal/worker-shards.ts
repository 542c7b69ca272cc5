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
 * tens of MB) and its own pollers. So one worker up to CASES_PER_SHARD cached cases, then one more
 * per CASES_PER_SHARD, at most MAX_WORKER_SHARDS.
 */
export const CASES_PER_SHARD = 5000;
export const MAX_WORKER_SHARDS = 8;

/** How many workers for a process that caches `maxCachedWorkflows` cases in all. */
export function workerShardsFor(maxCachedWorkflows: number): number {
  return Math.min(MAX_WORKER_SHARDS, Math.max(1, Math.ceil(maxCachedWorkflows / CASES_PER_SHARD)));
}

/** Each worker's cache when `shards` workers share `maxCachedWorkflows` (0 stays 0: no cache at all). */
export function cachePerShard(maxCachedWorkflows: number, shards: number): number {
  return Math.ceil(maxCachedWorkflows / Math.max(1, shards));
}
