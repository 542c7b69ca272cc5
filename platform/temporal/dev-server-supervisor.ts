import type { DevServerProcess } from './dev-server-process';

/** How the embedded dev server is brought back when it dies on its own. */
export interface DevServerSupervision {
  /** Restarts in a row before giving up; a run that lasted `stableAfterMs` starts the count again. */
  maxAttempts: number;
  /** Wait before the first restart, doubled for each next one (default 500 ms). */
  initialDelayMs?: number;
  /** Longest wait between restarts (default 8 s). */
  maxDelayMs?: number;
  /** Default 60 s. */
  stableAfterMs?: number;
  /** Each restart attempt, for the metric. */
  onRestart?(e: { attempt: number; ok: boolean }): void;
  /** Called once when the attempts are spent: the product cannot work without Temporal and stops. */
  onGiveUp(err: Error): void;
}

interface SupervisorLog {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error?: (obj: object, msg: string) => void;
}

/**
 * Watches the dev server's process. An exit we did not ask for (kill -9, out of memory, a crash)
 * starts it again on the same SQLite file and ports, with exponential backoff and a bounded number
 * of attempts: cases are safe in the file, and the client and worker reconnect by themselves.
 */
export function superviseDevServer(
  first: DevServerProcess,
  spawnAgain: () => Promise<DevServerProcess>,
  supervision: DevServerSupervision | undefined,
  log: SupervisorLog,
) {
  const initialDelayMs = supervision?.initialDelayMs ?? 500;
  const maxDelayMs = supervision?.maxDelayMs ?? 8_000;
  const stableAfterMs = supervision?.stableAfterMs ?? 60_000;
  const logError = (obj: object, msg: string): void => (log.error ? log.error(obj, msg) : log.warn(obj, msg));
  let current: DevServerProcess | undefined = first;
  let stopping = false;
  let restarts = 0;
  let attempt = 0;
  let startedAt = Date.now();
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function watch(proc: DevServerProcess): Promise<void> {
    const { code, signal } = await proc.exited;
    if (stopping) return;
    current = undefined;
    const exit = { code, signal, devServerPid: proc.pid, stderr: proc.stderr().slice(-500) || undefined };
    if (!supervision) {
      logError(exit, 'Temporal dev server exited unexpectedly; it is not supervised');
      return;
    }
    if (Date.now() - startedAt >= stableAfterMs) attempt = 0;
    let lastError = `exited with ${signal ?? `code ${code}`}`;
    while (!stopping) {
      attempt += 1;
      if (attempt > supervision.maxAttempts) {
        const n = supervision.maxAttempts;
        const err = new Error(
          `De ingebouwde Temporal-server kwam na ${n} ${n === 1 ? 'herstartpoging' : 'herstartpogingen'} niet terug ` +
            `(the embedded Temporal dev server did not come back after ${n} ${n === 1 ? 'restart' : 'restarts'}): ${lastError}`,
        );
        logError({ attempts: supervision.maxAttempts, lastError }, 'Temporal dev server: giving up');
        supervision.onGiveUp(err);
        return;
      }
      const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
      log.warn(
        { ...exit, attempt, maxAttempts: supervision.maxAttempts, delayMs },
        'Temporal dev server exited unexpectedly; restarting it on the same data and port',
      );
      await sleep(delayMs);
      if (stopping) return;
      try {
        const next = await spawnAgain();
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        restarts += 1;
        startedAt = Date.now();
        log.info({ attempt, devServerPid: next.pid }, 'Temporal dev server restarted');
        supervision.onRestart?.({ attempt, ok: true });
        return watch(next);
      } catch (err) {
        lastError = (err as Error).message.split('\n')[0] ?? 'unknown error';
        log.warn({ attempt, err: lastError }, 'Temporal dev server restart failed');
        supervision.onRestart?.({ attempt, ok: false });
      }
    }
  }

  const watching = watch(first);
  return {
    current: () => current,
    restarts: () => restarts,
    /** Stops supervising, then the server (SIGTERM): no restart follows. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await current?.stop();
      await watching;
    },
  };
}
