import { readdirSync, readFileSync } from 'node:fs';
import { api, listening } from '../support/product-process';
import {
  bound,
  housed,
  place,
  placed,
  spawnReadyProduct,
  startHotelCase,
  startProductUnderFault,
  timed,
  untilAnswered,
  waitFor,
  type ProductUnderFault,
} from './support/product-under-fault';
import { launchBrowser } from '../support/browser';
import { ADMIN_PASSWORD, TEST_TENANT } from '../support/runtime';

/** The state letter of a /proc stat file (R, S, D, T stopped, Z zombie…), after the command name in parentheses. */
function stateIn(statFile: string): string {
  const stat = readFileSync(statFile, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

/** A process that runs (a zombie waiting for its reaper runs no more: it holds no port and no file). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return stateIn(`/proc/${pid}/stat`) !== 'Z';
  } catch {
    return true;
  }
}

/** The state letters of a process's threads (/proc/<pid>/task/<tid>/stat: R, S, D, T stopped, …), e.g. `T×14`. */
function stateOf(pid: number): string {
  try {
    const counts = new Map<string, number>();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const state = stateIn(`/proc/${pid}/task/${tid}/stat`);
      counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    return [...counts].map(([state, n]) => `${state}×${n}`).join(' ');
  } catch {
    return '?';
  }
}
const allStopped = (pid: number) => /^T×\d+$/.test(stateOf(pid));

/** Jest's limit is a safety net only: every wait inside has its own bound (at the suite's pace) and message. */
const TEST_TIMEOUT_MS = 1_500_000;

/** What the UI says on 503 TEMPORAL_UNAVAILABLE (ui/src/api/http.ts): in words, not a code. */
const UNAVAILABLE_IN_WORDS = 'De procesmotor is tijdelijk niet bereikbaar; probeer het over een minuut opnieuw.';

// The embedded Temporal dev server is killed under a running product (npm start's entry as an OS
// process). The product restarts it on the same data and port; meanwhile callers get a fast 503.
describe('embedded Temporal dev server killed or frozen under the product', () => {
  let p: ProductUnderFault;
  afterEach(async () => {
    if (p?.proc.child.exitCode === null) await p.proc.stop('SIGTERM');
  });

  it(
    'kill -9 of the dev server: restarted on the same data and port (logged, counted), 503 + Retry-After within 2 s meanwhile, cases go on. SIGSTOP: 503 within 2 s instead of hanging, and the UI says so in words; after SIGCONT all works again. kill -9 of the product: the next start stops the dev server it left behind and goes on with the same cases',
    async () => {
      p = await startProductUnderFault();
      const before = await startHotelCase(p);
      await place(p, before);
      const firstPid = p.devServerPid();
      expect(firstPid).toBeGreaterThan(0);

      // 1. kill -9 of the dev server.
      process.kill(firstPid as number, 'SIGKILL');
      const list = await timed(() => api(p.proc.url, 'GET', '/cases', undefined, p.auth));
      expect(list.value.status).toBe(503);
      expect(list.value.body.error).toMatchObject({ code: 'TEMPORAL_UNAVAILABLE' });
      expect(Number(list.value.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(list.ms).toBeLessThan(2_000);
      const event = await timed(() => api(p.proc.url, 'POST', `/cases/${before}/events`, housed, p.auth));
      expect(event.value.status).toBe(503);
      expect(event.value.headers.get('retry-after')).toBeTruthy();
      expect(event.ms).toBeLessThan(2_000);

      // Backoff 0.5 s, then the CLI needs a few seconds on two shared cores.
      await waitFor(
        'the restarted dev server',
        () => p.logLines('Temporal dev server restarted').length > 0,
        bound(60_000),
      );
      expect(p.devServerPid()).not.toBe(firstPid);
      expect(
        p.logLines('Temporal dev server exited unexpectedly; restarting it on the same data and port')[0],
      ).toMatchObject({ signal: 'SIGKILL', attempt: 1 });
      expect(await p.metric('doorstroom_temporal_dev_server_restarts_total{outcome="ok"}')).toBe(1);

      // The case from before the kill is still there and moves on; a new case starts.
      const housedBefore = await untilAnswered(() =>
        api(p.proc.url, 'POST', `/cases/${before}/events`, housed, p.auth),
      );
      expect(housedBefore).toMatchObject({ status: 200, body: { status: 'completed', outcome: 'gehuisvest' } });
      const caseId = await startHotelCase(p);

      // 2. SIGSTOP: a frozen server. A supervisor in Chromium, signed in, on the monitor's case list
      // (the built UI that npm start serves).
      const browser = await launchBrowser();
      try {
        const context = await browser.newContext({ locale: 'nl-NL' });
        const login = await context.request.post(`${p.proc.url}/api/v1/auth/login`, {
          data: { tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD },
        });
        expect(login.status()).toBe(200);
        const page = await context.newPage();
        const caseList = async () => {
          await page.goto(`${p.proc.url}/monitor/zaken`);
          await page.getByRole('heading', { level: 1, name: 'Zaken' }).waitFor({ timeout: bound(30_000) });
        };
        const pid = p.devServerPid() as number;
        process.kill(pid, 'SIGSTOP');
        try {
          // kill(2) returns before every thread has stopped: a thread in uninterruptible sleep (an
          // fsync of the SQLite file) stops only when that ends. Wait for the whole process to be
          // stopped (state T) before asking, so the calls meet a frozen server.
          await waitFor(
            () => `dev server ${pid} stopped (threads: ${stateOf(pid)})`,
            () => allStopped(pid),
            bound(5_000),
            20,
          );
          for (const [label, call] of [
            ['GET /cases', () => api(p.proc.url, 'GET', '/cases', undefined, p.auth)],
            ['POST event', () => api(p.proc.url, 'POST', `/cases/${caseId}/events`, placed, p.auth)],
            ['GET /cases/{caseId}', () => api(p.proc.url, 'GET', `/cases/${caseId}`, undefined, p.auth)],
          ] as const) {
            const { value, ms } = await timed(call);
            expect({
              call: label,
              status: value.status,
              code: value.body.error?.code,
              retryAfter: value.headers.get('retry-after'),
              // On a failure: what answered, and whether the server was still stopped.
              ...(value.status !== 503 ? { body: value.body, serverState: stateOf(pid) } : {}),
            }).toEqual({ call: label, status: 503, code: 'TEMPORAL_UNAVAILABLE', retryAfter: '5' });
            expect(ms).toBeLessThan(2_000);
          }
          expect(await p.metric('doorstroom_temporal_available')).toBe(0);
          // The screen says in words what is wrong and what to do, not a code or a spinner forever.
          await caseList();
          await page
            .getByRole('alert')
            .filter({ hasText: UNAVAILABLE_IN_WORDS })
            .waitFor({ timeout: bound(30_000) });
          expect(await page.getByRole('alert').textContent()).not.toMatch(/TEMPORAL_UNAVAILABLE|503/);
        } finally {
          process.kill(pid, 'SIGCONT');
        }
        // Back: the same screen lists the cases again, without the message.
        await waitFor(
          'the case list without the message',
          async () => {
            await caseList();
            return (await page.getByRole('alert').count()) === 0 && (await page.getByRole('table').count()) > 0;
          },
          bound(60_000),
          1_000,
        );
      } finally {
        await browser.close();
      }
      const placedAfter = await untilAnswered(() => api(p.proc.url, 'POST', `/cases/${caseId}/events`, placed, p.auth));
      expect(placedAfter).toMatchObject({ status: 200, body: { accepted: true, currentStep: 'coa-betaalde-periode' } });
      // A frozen server is waited for, not restarted.
      expect(p.logLines('Temporal dev server restarted')).toHaveLength(1);
      expect(await p.metric('doorstroom_temporal_available')).toBe(1);

      // 3. kill -9 of the product itself. Its dev server runs in its own process group and SIGKILL
      // skips every exit hook: the server outlives it, holding port and data, until the next start.
      const leftBehind = p.devServerPid() as number;
      p.proc.child.kill('SIGKILL');
      await waitFor('the product to die', () => p.proc.child.signalCode === 'SIGKILL', 10_000);
      expect(running(leftBehind)).toBe(true);
      const again = await spawnReadyProduct(p.env);
      try {
        expect(running(leftBehind)).toBe(false);
        expect(again.output()).toContain('left behind by an earlier run');
        const done = await untilAnswered(() => api(again.url, 'POST', `/cases/${caseId}/events`, housed, p.auth));
        expect(done).toMatchObject({ status: 200, body: { status: 'completed', outcome: 'gehuisvest' } });
        expect(again.output()).not.toMatch(/exited unexpectedly|giving up|"level":50/);
      } finally {
        expect(await again.stop('SIGTERM')).toBe(0);
      }
      expect(await listening(Number(p.env.TEMPORAL_DEV_PORT))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'gives up after the allowed restarts: the product stops with a clear message and exit code 1, leaving no Temporal behind',
    async () => {
      p = await startProductUnderFault({ TEMPORAL_DEV_RESTART_ATTEMPTS: '1' });
      process.kill(p.devServerPid() as number, 'SIGKILL');
      await waitFor(
        'the restarted dev server',
        () => p.logLines('Temporal dev server restarted').length > 0,
        bound(60_000),
      );
      process.kill(p.devServerPid() as number, 'SIGKILL');
      const exit = await waitFor(
        'the product to exit',
        () => p.proc.child.exitCode !== null && { code: p.proc.child.exitCode },
        bound(60_000),
      );
      expect(exit.code).toBe(1);
      expect(p.proc.output()).toMatch(/kwam na 1 herstartpoging niet terug[\s\S]*Doorstroom stopt/);
      expect(await listening(Number(p.env.TEMPORAL_DEV_PORT))).toBe(false);
    },
    TEST_TIMEOUT_MS,
  );
});
