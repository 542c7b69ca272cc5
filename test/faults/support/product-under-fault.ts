import { api, createApiKeyAsAdmin, spawnProduct, type ProductProcess } from '../../support/product-process';
import { ADMIN_PASSWORD, TEST_TENANT, productEnv, tempDataDir } from '../../support/runtime';
import { uniqueId } from '../../support/factories';

export interface ProductUnderFault {
  proc: ProductProcess;
  env: Record<string, string>;
  auth: Record<string, string>;
  /** Pid of the embedded dev server now running, from the product's own log lines. */
  devServerPid(): number | undefined;
  /** The product's JSON log lines with this message. */
  logLines(msg: string): Array<Record<string, unknown>>;
  metric(name: string): Promise<number>;
}

/** `npm start`'s entry as an OS process, logging at info so its supervision can be followed. */
export async function startProductUnderFault(extraEnv: Record<string, string> = {}): Promise<ProductUnderFault> {
  const env = {
    ...(await productEnv(tempDataDir())),
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '1000000',
    // The fault suite's webhook receivers listen on 127.0.0.1 over plain http (docs/security.md).
    DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true',
    ...extraEnv,
  };
  const proc = await spawnProduct(env);
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
  return {
    proc,
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
}

/** Polls until `fn` gives a truthy value, or fails after `timeoutMs` naming what it waited for. */
export async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
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
  payload: { placementDate: '2026-11-10', hotelMunicipality: TEST_TENANT },
};
export const housed = { name: 'woning-gevonden', payload: { tenancyStartDate: '2026-12-01' } };

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
 * `timeoutMs`: generous, since the machine is shared and a wait only takes that long when it fails.
 */
export async function untilAnswered(
  fn: () => Promise<{ status: number; body: any }>,
  timeoutMs = 90_000,
): Promise<{ status: number; body: any }> {
  let last: { status: number; body: any } | undefined;
  await waitFor(
    'an answer other than 503/504',
    async () => {
      last = await fn();
      return last.status !== 503 && last.status !== 504;
    },
    timeoutMs,
    250,
  );
  return last as { status: number; body: any };
}
