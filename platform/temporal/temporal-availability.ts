import type { Connection } from '@temporalio/client';
import { ApiError, isTemporalUnreachable, TemporalUnavailableError } from '../errors';

export interface AvailabilityOptions {
  /** The connection the API's client uses: deadlines and cancellation are set on it. */
  connection: Connection;
  /** One cheap call to the frontend without retries (a failure must show at once). */
  probe: (deadline: number) => Promise<unknown>;
  /** Between probes (default 250 ms). */
  intervalMs?: number;
  /** A probe slower than this is slow (default 700 ms); two slow probes in a row count as unreachable. */
  probeTimeoutMs?: number;
  /** Deadline of the Temporal calls of one API request (default 10 s). */
  requestTimeoutMs?: number;
  log: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  onChange?: (available: boolean) => void;
}

/** Runs the Temporal calls an API request makes: with a deadline, and refused at once while Temporal is away. */
export interface TemporalAvailability {
  readonly available: boolean;
  call<T>(fn: () => Promise<T>, opts?: { timeoutMs?: number }): Promise<T>;
  stop(): void;
}

/**
 * Fail fast instead of hanging: the SDK retries an unreachable server for ~20 s, and a stopped
 * (SIGSTOP) one never answers. A probe every 250 ms notices a refused connection at once and a
 * server that stops answering after two 700 ms probes in a row (~1.65 s; one slow probe alone is
 * a busy machine, not a lost server); from then on requests are answered 503 at once, and requests waiting on Temporal are
 * let go with 503 too, so a caller has an answer within 2 s. The first probe that succeeds opens
 * the way again.
 */
const SLOW_PROBES_TO_FAIL = 2;

export function watchTemporalAvailability(opts: AvailabilityOptions): TemporalAvailability {
  const intervalMs = opts.intervalMs ?? 250;
  const probeTimeoutMs = opts.probeTimeoutMs ?? 700;
  const requestTimeoutMs = opts.requestTimeoutMs ?? 10_000;
  const { connection } = opts;
  let available = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let downSince = 0;
  const waiting = new Set<() => void>();

  const setAvailable = (next: boolean, reason?: string): void => {
    if (next === available) return;
    available = next;
    if (next) {
      opts.log.info({ downMs: Date.now() - downSince }, 'Temporal reachable again');
    } else {
      downSince = Date.now();
      opts.log.warn(
        { reason, requestsLetGo: waiting.size },
        'Temporal unreachable: the API answers 503 TEMPORAL_UNAVAILABLE until it is back',
      );
      for (const letGo of [...waiting]) letGo();
    }
    opts.onChange?.(next);
  };

  // A refused connection is down at once; a probe that only ran out of time may be a busy machine
  // (event-loop lag under load), so that needs a second slow probe in a row, sent at once.
  let slowInARow = 0;
  const probeOnce = async (): Promise<void> => {
    const started = Date.now();
    let again = intervalMs;
    try {
      await opts.probe(started + probeTimeoutMs);
      slowInARow = 0;
      setAvailable(true);
    } catch (err) {
      const slow = Date.now() - started >= probeTimeoutMs - 50;
      slowInARow = slow ? slowInARow + 1 : 0;
      if (!slow || slowInARow >= SLOW_PROBES_TO_FAIL) setAvailable(false, (err as Error).message?.split('\n')[0]);
      else again = 0;
    }
    if (!stopped) {
      timer = setTimeout(() => void probeOnce(), again);
      timer.unref();
    }
  };
  timer = setTimeout(() => void probeOnce(), intervalMs);
  timer.unref();
  opts.onChange?.(true);

  return {
    get available() {
      return available;
    },
    async call<T>(fn: () => Promise<T>, callOpts: { timeoutMs?: number } = {}): Promise<T> {
      if (!available) throw new TemporalUnavailableError();
      const abort = new AbortController();
      let letGo!: () => void;
      const lostTemporal = new Promise<never>((_, reject) => {
        letGo = () => {
          reject(new TemporalUnavailableError());
          abort.abort();
        };
      });
      waiting.add(letGo);
      const work = connection.withDeadline(Date.now() + (callOpts.timeoutMs ?? requestTimeoutMs), () =>
        connection.withAbortSignal(abort.signal, fn),
      );
      // Whichever loses the race settles later, unobserved: never an unhandled rejection.
      work.catch(() => undefined);
      lostTemporal.catch(() => undefined);
      try {
        return await Promise.race([work, lostTemporal]);
      } catch (err) {
        if (!(err instanceof ApiError) && isTemporalUnreachable(err)) throw new TemporalUnavailableError();
        throw err;
      } finally {
        waiting.delete(letGo);
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
