import type { NativeConnection, Worker } from '@temporalio/worker';

export interface RunnableWorker {
  worker: Worker;
  connection: NativeConnection;
}

interface SupervisorLog {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/**
 * Runs the worker and makes a new one when it fails. A server that goes away and comes back does
 * not need this (the worker's polls retry and reconnect by themselves); a worker that fails
 * (FAILED state, e.g. after a fatal poll error) does, with backoff up to 30 s.
 */
export function superviseWorker(
  first: RunnableWorker,
  create: () => Promise<RunnableWorker>,
  log: SupervisorLog,
  onRestart: () => void,
) {
  let current = first;
  let stopping = false;
  const closed = new WeakSet<NativeConnection>();
  const close = async (c: NativeConnection): Promise<void> => {
    if (closed.has(c)) return;
    closed.add(c);
    await c.close();
  };
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    for (;;) {
      const startedAt = Date.now();
      let failure: unknown;
      try {
        await current.worker.run();
      } catch (err) {
        failure = err;
      }
      if (stopping) return;
      log.error(
        { err: failure instanceof Error ? failure.message : failure, state: current.worker.getState() },
        'Temporal worker stopped unexpectedly; making a new one',
      );
      await close(current.connection).catch(() => undefined);
      if (Date.now() - startedAt > 60_000) failures = 0;
      for (;;) {
        failures += 1;
        await sleep(Math.min(30_000, 500 * 2 ** (failures - 1)));
        if (stopping) return;
        try {
          const next = await create();
          if (stopping) {
            // Made while we were asked to stop: run it once so it can be shut down and its connection closed.
            const run = next.worker.run();
            next.worker.shutdown();
            await run.catch(() => undefined);
            await close(next.connection).catch(() => undefined);
            return;
          }
          current = next;
          onRestart();
          log.info({ failures }, 'Temporal worker re-created');
          break;
        } catch (err) {
          log.warn({ err: (err as Error).message, failures }, 'Temporal worker could not be re-created; trying again');
        }
      }
    }
  })();

  return {
    /** Lets running activities and workflow tasks finish (the worker drains), then closes its connection. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      if (current.worker.getState() === 'RUNNING') current.worker.shutdown();
      await loop;
      await close(current.connection).catch((err: unknown) => log.warn({ err }, 'closing the worker connection'));
    },
  };
}
