import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { preloadedWorkflowModules } from '../worker/worker-options';

/**
 * `npm run bench:replay [fixture …]` — what one replay of a recorded case costs the worker: the
 * work a case's event costs when the case is no longer in the worker's cache (issue 13: at 10,000
 * cases nearly every event of `bench:workflows` finds its case evicted and replays it). Each
 * history in test/fixtures/histories named on the command line (default: the newest housing case
 * and a hotel case) is replayed BENCH_REPLAYS times (default 200) by one replay worker with the
 * product's bundle and preloaded modules, after a warm-up; printed per replay: milliseconds,
 * workflow tasks, and the promises created (the SDK's promise hook makes an Error and a stack for
 * every promise created in workflow code). The first history is the reference for the ratio.
 * A diagnostic beside bench:workflows: no target of its own. BENCH_REPLAY_PROMISE_SITES=1 also
 * prints where in the workflow bundle the promises are made.
 */
const REPLAYS = Number(process.env.BENCH_REPLAYS ?? 200);
const SITES = process.env.BENCH_REPLAY_PROMISE_SITES === '1';
const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'histories');
const DEFAULT = ['huisvesting-statushouder-v4-patches-at-start-4', 'nareiziger-hotelverblijf-v3-inwoning'];

const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows/index'),
    preloadModules: preloadedWorkflowModules,
    logger: silent,
  });
  let promises = 0;
  const sites = new Map<string, number>();
  const stopCounting = v8.promiseHooks.onInit(() => {
    promises += 1;
    if (!SITES) return;
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 12;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const frames = stack
      .split('\n')
      .slice(2)
      .filter((line) => line.includes('workflow-bundle'))
      .map((line) => line.trim().split(' ')[1]);
    const key = frames.slice(0, 3).join(' < ') || '(outside the workflow bundle: the worker, the SDK’s bridge)';
    sites.set(key, (sites.get(key) ?? 0) + 1);
  }) as () => void;
  console.log(
    `bench:replay — ${REPLAYS} replays of each history by one replay worker, Node ${process.version}, ${process.arch}`,
  );
  console.log(
    '| history | events | workflow tasks | ms per replay | ms per workflow task | promises per replay | ratio |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  let reference: number | undefined;
  for (const name of names) {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as unknown);
    const events = history.events ?? [];
    const tasks = events.filter((e) => e.workflowTaskCompletedEventAttributes).length;
    // The workflow id the history was recorded under (a linked case's id is derived from it).
    const workflowId = `GM0363-fixture-${name}`;
    const many = (count: number) =>
      (function* () {
        for (let i = 0; i < count; i++) yield { workflowId, history };
      })();
    for await (const r of Worker.runReplayHistories({ workflowBundle }, many(20))) if (r.error) throw r.error;
    promises = 0;
    sites.clear();
    const t0 = performance.now();
    for await (const r of Worker.runReplayHistories({ workflowBundle }, many(REPLAYS))) if (r.error) throw r.error;
    const ms = (performance.now() - t0) / REPLAYS;
    reference ??= ms;
    console.log(
      `| ${name} | ${events.length} | ${tasks} | ${ms.toFixed(1)} | ${(ms / tasks).toFixed(2)} | ${(promises / REPLAYS).toFixed(0)} | ${(ms / reference).toFixed(2)} |`,
    );
    if (SITES)
      for (const [site, count] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`|   | ${(count / REPLAYS).toFixed(1)} promises | ${site} |`);
  }
  stopCounting();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
