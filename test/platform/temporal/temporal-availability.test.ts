import type { Connection } from '@temporalio/client';
import { ApiError, TemporalUnavailableError } from '../../../platform/errors';
import { watchTemporalAvailability, type TemporalAvailability } from '../../../platform/temporal/temporal-availability';

// The fail-fast logic without a server; test/faults proves it against a killed and a frozen one.
describe('temporal availability', () => {
  const quiet = { info: () => undefined, warn: () => undefined };
  let deadlines: number[];
  let signals: AbortSignal[];
  const connection = {
    withDeadline: <T>(deadline: number, fn: () => Promise<T>) => {
      deadlines.push(deadline);
      return fn();
    },
    withAbortSignal: <T>(signal: AbortSignal, fn: () => Promise<T>) => {
      signals.push(signal);
      return fn();
    },
  } as unknown as Connection;
  let up: boolean;
  let watch: TemporalAvailability;
  const changes: boolean[] = [];
  beforeEach(() => {
    deadlines = [];
    signals = [];
    up = true;
    changes.length = 0;
    watch = watchTemporalAvailability({
      connection,
      probe: async () => {
        if (!up)
          throw Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), {
            code: 14,
            details: 'connect ECONNREFUSED',
            metadata: {},
          });
      },
      intervalMs: 10,
      requestTimeoutMs: 3_000,
      log: quiet,
      onChange: (a) => changes.push(a),
    });
  });
  afterEach(() => watch.stop());
  const until = async (ok: () => boolean) => {
    const limit = Date.now() + 2_000;
    while (!ok()) {
      if (Date.now() > limit) throw new Error('not within 2 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('runs a call with the request deadline and an abort signal', async () => {
    const before = Date.now();
    await expect(watch.call(async () => 'ok')).resolves.toBe('ok');
    expect(deadlines[0]).toBeGreaterThanOrEqual(before + 3_000);
    expect(signals[0]?.aborted).toBe(false);
  });

  it('answers 503 at once while the probe fails, and lets calls through again once it succeeds', async () => {
    up = false;
    await until(() => !watch.available);
    const fn = jest.fn(async () => 'ok');
    await expect(watch.call(fn)).rejects.toBeInstanceOf(TemporalUnavailableError);
    expect(fn).not.toHaveBeenCalled();
    up = true;
    await until(() => watch.available);
    await expect(watch.call(fn)).resolves.toBe('ok');
    expect(changes).toEqual([true, false, true]);
  });

  it('lets a waiting call go with 503 when Temporal goes away, and cancels its gRPC calls', async () => {
    const waiting = watch.call(() => new Promise<string>(() => undefined));
    up = false;
    const err = await waiting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemporalUnavailableError);
    expect(err).toMatchObject({ status: 503, code: 'TEMPORAL_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(signals[0]?.aborted).toBe(true);
  });

  it('maps gRPC UNAVAILABLE and DEADLINE_EXCEEDED to 503; passes API errors and other errors on', async () => {
    const grpc = (code: number) =>
      Object.assign(new Error('failed'), {
        cause: Object.assign(new Error(`${code}`), { code, details: 'x', metadata: {} }),
      });
    await expect(watch.call(() => Promise.reject(grpc(14)))).rejects.toBeInstanceOf(TemporalUnavailableError);
    await expect(watch.call(() => Promise.reject(grpc(4)))).rejects.toBeInstanceOf(TemporalUnavailableError);
    const notFound = new ApiError(404, 'CASE_NOT_FOUND', 'no');
    await expect(watch.call(() => Promise.reject(notFound))).rejects.toBe(notFound);
    const other = new Error('bug');
    await expect(watch.call(() => Promise.reject(other))).rejects.toBe(other);
  });

  describe('a slow probe', () => {
    // Probes that answer only after their deadline: one in a row is a busy machine, two are a lost server.
    const slowWatch = (slowPlan: boolean[]) => {
      const flips: boolean[] = [];
      let n = 0;
      const w = watchTemporalAvailability({
        connection,
        probe: async (deadline) => {
          const slow = slowPlan[n++] ?? false;
          if (!slow) return;
          await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())));
          throw Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4, details: 'deadline', metadata: {} });
        },
        intervalMs: 10,
        probeTimeoutMs: 80,
        log: quiet,
        onChange: (a) => flips.push(a),
      });
      return { w, flips, probes: () => n };
    };

    it('once, between fast ones, does not make Temporal unavailable', async () => {
      const { w, flips, probes } = slowWatch([false, true, false, false, true, false, false]);
      await until(() => probes() >= 7);
      w.stop();
      expect(flips.filter((f) => !f)).toEqual([]);
    });

    it('twice in a row makes it unavailable (a frozen server), and a fast answer brings it back', async () => {
      const { w, flips, probes } = slowWatch([false, true, true, false]);
      await until(() => probes() >= 4 && flips.at(-1) === true && flips.includes(false));
      w.stop();
      expect(flips).toEqual([true, false, true]);
    });
  });
});
