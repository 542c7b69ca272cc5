import os from 'node:os';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import type { Config } from '../platform/config';
import type { Log } from '../platform/log';
import type { Metrics } from '../platform/observability/metrics';
import type { TemporalRuntime } from '../platform/temporal/runtime';
import { cachePerShard } from '../platform/temporal/worker-shards';
import { superviseWorker } from '../platform/temporal/worker-supervisor';
import type { ActivityRegistry } from './activity-registry';
import { workerOptions, workflowBundlerOptions, workflowsPath } from './worker-options';

export interface RunningWorker {
  /** Stops polling, lets running tasks finish (the worker drains), then closes its connection. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  runtime: Pick<TemporalRuntime, 'connectWorker' | 'dataConverter' | 'namespace'>;
  config: Config;
  log: Log;
  activities: ActivityRegistry;
  metrics?: Pick<Metrics, 'temporalWorkerRestarts'>;
}

/**
 * Supervised workers on the runtime's server — `config.temporal.workerShards` of them on the one task
 * queue, each caching its share of the cases (platform/temporal/worker-shards.ts); a worker that fails
 * is made again, with backoff. Several workers share one bundle of the workflow code.
 */
export async function startWorker(opts: StartWorkerOptions): Promise<RunningWorker> {
  const { runtime, config, log } = opts;
  const shards = config.temporal.workerShards;
  const workflowBundle: WorkflowBundleOption | undefined =
    shards > 1
      ? await bundleWorkflowCode({
          workflowsPath,
          ...workflowBundlerOptions,
          // The bundler's warnings and errors into the product's log; not webpack's module listing.
          logger: new DefaultLogger('WARN', (entry) =>
            (entry.level === 'ERROR' ? log.error : log.warn)({ ...entry.meta }, entry.message),
          ),
        })
      : undefined;
  // Told apart in the server's poller lists (the Temporal UI, describeTaskQueue): the SDK's identity, numbered.
  const identity = (shard: number) => (shards > 1 ? { identity: `${process.pid}@${os.hostname()}/${shard}` } : {});
  const createWorker = (shard: number) => async () => {
    const connection = await runtime.connectWorker();
    try {
      const worker = await Worker.create({
        connection,
        namespace: runtime.namespace,
        dataConverter: runtime.dataConverter,
        maxCachedWorkflows: cachePerShard(config.temporal.maxCachedWorkflows, shards),
        ...workerOptions(opts.activities, config.temporal.taskQueue, workflowBundle),
        ...identity(shard),
      });
      return { worker, connection };
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  };
  const supervised: Array<ReturnType<typeof superviseWorker>> = [];
  const stop = async () => {
    await Promise.all(supervised.map((s) => s.stop()));
  };
  try {
    for (let shard = 1; shard <= shards; shard++) {
      const create = createWorker(shard);
      supervised.push(superviseWorker(await create(), create, log, () => opts.metrics?.temporalWorkerRestarts.inc()));
    }
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  if (shards > 1)
    log.info({ shards, maxCachedWorkflows: config.temporal.maxCachedWorkflows }, 'Temporal workers started');
  return { stop };
}
