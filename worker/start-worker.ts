import { Worker } from '@temporalio/worker';
import type { Config } from '../platform/config';
import type { Log } from '../platform/log';
import type { Metrics } from '../platform/observability/metrics';
import type { TemporalRuntime } from '../platform/temporal/runtime';
import { superviseWorker } from '../platform/temporal/worker-supervisor';
import type { ActivityRegistry } from './activity-registry';
import { workerOptions } from './worker-options';

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

/** A supervised worker on the runtime's server: a worker that fails is made again, with backoff. */
export async function startWorker(opts: StartWorkerOptions): Promise<RunningWorker> {
  const { runtime, config, log } = opts;
  const createWorker = async () => {
    const connection = await runtime.connectWorker();
    try {
      const worker = await Worker.create({
        connection,
        namespace: runtime.namespace,
        dataConverter: runtime.dataConverter,
        maxCachedWorkflows: config.temporal.maxCachedWorkflows,
        ...workerOptions(opts.activities, config.temporal.taskQueue),
      });
      return { worker, connection };
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  };
  const supervised = superviseWorker(await createWorker(), createWorker, log, () =>
    opts.metrics?.temporalWorkerRestarts.inc(),
  );
  return { stop: () => supervised.stop() };
}
