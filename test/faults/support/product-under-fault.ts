import { api, createApiKeyAsAdmin, spawnProduct, type ProductProcess } from '../../support/product-process';
import { ADMIN_PASSWORD, TEST_TENANT, productEnv, tempDataDir } from '../../support/runtime';
import { uniqueId } from '../../support/factories';
import { listeningWhileWorking, tail, waitWhileWorking } from './readiness';
import { daysAgo } from '../../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

export interface ProductUnderFault {
  proc: ProductProcess;
  /** When the spawn began. */
  startedAt: number;
  /** From the spawn to ready: /readyz, and the first workflow task (set by `ready`). */
  readyMs: number;
  env: Record<string, string>;
  auth: Record<string, string>;
  /** Pid of the embedded dev server now running, from the product's own log lines. */
  devServerPid(): number | undefined;
  /** The product's JSON log lines with this message. */
  logLines(msg: string): Array<Record<string, unknown>>;
  metric(name: string): Promise<number>;
}

/**
 * How slow the machine is now, measured: the product's time to ready against its time on a quiet
 * machine (QUIET_READY_MS), between 1 and MAX_PACE. Every later wait of the suite is scaled by
 * it (`bound`), so a bound follows the machine, not a fixed clock. One product at a time
 * (maxWorkers 1), so one pace for the test file.
 */
const QUIET_READY_MS = 20_000;
const MAX_PACE = 4;
let pace = 1;
export const bound = (ms: number): number => Math.round(ms * pace);
export const currentPace = (): number => pace;
function measurePace(readyMs: number): void {
  pace = Math.min(MAX_PACE, Math.max(1, readyMs / QUIET_READY_MS));
}

/** The product and its descendants while it runs, for the progress-bounded waits. */
const productPids = (proc: ProductProcess) => () =>
  proc.child.exitCode === null && proc.child.signalCode === null && proc.child.pid ? [proc.child.pid] : undefined;

/**
 * `spawnProduct` bounded by progress (test/faults/support/readiness.ts), then until `/readyz`
 * answers 200 (store and Temporal answer).
 */
export async function spawnReadyProduct(env: Record<string, string>): Promise<ProductProcess> {
  const proc = await spawnProduct(env, { untilListening: listeningWhileWorking });
  let last = '';
  await waitWhileWorking(
    'the product to be ready (GET /readyz 200)',
    productPids(proc),
    async () => {
      const res = await fetch(`${proc.url}/readyz`).catch((err: Error) => ({ status: err.message, text: () => '' }));
      last = `${res.status} ${await res.text()}`;
      return res.status === 200;
    },
    { context: () => `last /readyz: ${last}\nlast lines of the product:\n${tail(proc.output())}` },
  ).catch(async (err: unknown) => {
    // SIGTERM, so the product stops its dev server too; SIGKILL if that hangs.
    const kill = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
    await proc.stop('SIGTERM');
    clearTimeout(kill);
    throw err;
  });
  return proc;
}

/**
 * The first workflow task done: a probe case is started and read back in its first step (a query
 * needs a worker that has bundled its workflow code and polls). Bounded by the progress of `pids`
 * (the product, or the product and a separate worker).
 */
export async function firstWorkflowTask(p: ProductUnderFault, pids = productPids(p.proc)): Promise<void> {
  const caseId = await startHotelCase(p, uniqueId('PROEF'));
  let last = '';
  await waitWhileWorking(
    `the first workflow task (probe case ${caseId} in its first step)`,
    pids,
    async () => {
      const res = await api(p.proc.url, 'GET', `/cases/${caseId}`, undefined, p.auth);
      last = `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      return res.status === 200 && typeof res.body.currentStep === 'string';
    },
    { context: () => `last read: ${last}\nlast lines of the product:\n${tail(p.proc.output())}` },
  );
}

/** Ready: the first workflow task is done. Measures the time since the spawn and sets the suite's pace from it. */
export async function ready(p: ProductUnderFault, pids = productPids(p.proc)): Promise<void> {
  await firstWorkflowTask(p, pids);
  p.readyMs = Date.now() - p.startedAt;
  measurePace(p.readyMs);
  console.log(`faults: product ready in ${(p.readyMs / 1000).toFixed(1)} s; later waits scaled by ${pace.toFixed(2)}`);
}

/**
 * `npm start`'s entry as an OS process, logging at info so its supervision can be followed; ready
 * when `/readyz` says so and its worker has done a first workflow task. `firstTask: false` when
 * the worker runs elsewhere: call `ready` once it runs.
 */
export async function startProductUnderFault(
  extraEnv: Record<string, string> = {},
  opts: { firstTask?: boolean } = {},
): Promise<ProductUnderFault> {
  const t0 = Date.now();
  const env = {
    ...(await productEnv(tempDataDir())),
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000',
    // The fault suite's webhook receivers listen on 127.0.0.1 over plain http (docs/security.md).
    DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true',
    ...extraEnv,
  };
  const proc = await spawnReadyProduct(env);
  const auth = await createApiKeyAsAdmin(proc.url, TEST_TENANT, ADMIN_PASSWORD);
  const logLines = (msg: string) =>
    proc
      .output()
      .split('\n')
      .flatMap((line) => {
        if (!line.startsWith('{')) return [];
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          return parsed.msg === msg ? [parsed] : [];
        } catch {
          return [];
        }
      });
  const p: ProductUnderFault = {
    proc,
    startedAt: t0,
    readyMs: 0,
    env,
    auth,
    logLines,
    devServerPid() {
      const lines = [...logLines('Temporal dev server started'), ...logLines('Temporal dev server restarted')].sort(
        (a, b) => Number(a.time) - Number(b.time),
      );
      return lines.length ? Number(lines[lines.length - 1]?.devServerPid) : undefined;
    },
    async metric(name: string) {
      const text = await (await fetch(`${proc.url}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith(name));
      return line ? Number(line.split(' ').pop()) : 0;
    },
  };
  if (opts.firstTask !== false) await ready(p);
  return p;
}

/** The product's error lines (level 50), the last `n`: why a request failed when it should not have. */
export function errorLines(output: string, n = 5): string {
  return output
    .split('\n')
    .filter((line) => line.includes('"level":50'))
    .slice(-n)
    .join('\n');
}

/** Polls until `fn` gives a truthy value, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor<T>(
  what: string | (() => string),
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`waited ${Math.round(timeoutMs / 1000)} s for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Runs `fn` and gives its result with the time it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export const hotelData = { municipality: TEST_TENANT, householdSize: 2, registrationDate: '2026-11-01' };
export const placed = {
  name: 'hotel-geplaatst',
  payload: { placementDate: PLACED, hotelMunicipality: TEST_TENANT },
};
export const housed = { name: 'woning-gevonden', payload: { tenancyStartDate: '2026-12-01' } };

/**
 * Places a case in a hotel, as a municipal system does: a 503/504 is tried again, and a 409 in the
 * next step means an earlier try went through after all. Anything else fails with the product's
 * error lines (a 500 is a bug, never an answer).
 */
export async function place(p: ProductUnderFault, caseId: string): Promise<void> {
  const res = await untilAnswered(() => api(p.proc.url, 'POST', `/cases/${caseId}/events`, placed, p.auth));
  const alreadyPlaced = res.status === 409 && res.body.error?.details?.step === 'coa-betaalde-periode';
  if (res.status !== 200 && !alreadyPlaced)
    throw new Error(
      `placement of ${caseId}: ${res.status} ${JSON.stringify(res.body)}\n${errorLines(p.proc.output())}`,
    );
}

/** Starts a hotel-stay case through the API; returns its id. */
export async function startHotelCase(p: ProductUnderFault, caseRef = uniqueId('ZAAK')): Promise<string> {
  const res = await untilAnswered(() =>
    api(p.proc.url, 'POST', '/processes/nareiziger-hotelverblijf/cases', { caseRef, data: hotelData }, p.auth),
  );
  if (res.status !== 201 && res.status !== 200) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.caseId as string;
}

/**
 * Repeats a request while Temporal is coming back (503) or the case is slow to answer (504), within
 * `timeoutMs` at the suite's pace: generous, since a wait only takes that long when it fails.
 */
export async function untilAnswered(
  fn: () => Promise<{ status: number; body: any }>,
  timeoutMs = bound(90_000),
): Promise<{ status: number; body: any }> {
  let last: { status: number; body: any } | undefined;
  await waitFor(
    () => `an answer other than 503/504 (last: ${last?.status} ${JSON.stringify(last?.body).slice(0, 200)})`,
    async () => {
      last = await fn();
      return last.status !== 503 && last.status !== 504;
    },
    timeoutMs,
    250,
  );
  return last as { status: number; body: any };
}
