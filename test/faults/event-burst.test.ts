import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startDevServer, type DevServer } from '../../platform/temporal/dev-server';
import { freePort } from '../../platform/temporal/free-port';
import { tempDataDir } from '../support/runtime';
import { acceptedCount, attempt, burst, isAccepted, isOpen, recordFigures, type Sent } from './support/burst';
import {
  placed,
  startHotelCase,
  startProductUnderFault,
  untilAnswered,
  waitFor,
  type ProductUnderFault,
} from './support/product-under-fault';
import { api } from '../support/product-process';

const ROOT = path.resolve(__dirname, '..', '..');
const CASES = 40;
/** Every fourth case gets an event its step refuses (a payload failing its schema): it must never be applied. */
const refusedOnPurpose = (i: number) => i % 4 === 3;
const badPlacement = { name: 'hotel-geplaatst', payload: { hotelMunicipality: 'GM0363' } };

interface EventItem {
  caseId: string;
  valid: boolean;
}

/** Starts the cases, then sends each one its event in a burst while `fault` strikes after `faultAfter` answers. */
async function eventBurst(p: ProductUnderFault, fault: () => void, faultAfter: number) {
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i += 1) caseIds.push(await startHotelCase(p));
  const items: EventItem[] = caseIds.map((caseId, i) => ({ caseId, valid: !refusedOnPurpose(i) }));
  let faultAt = 0;
  const sent = await burst(
    items,
    (it) => attempt(p.proc.url, 'POST', `/cases/${it.caseId}/events`, it.valid ? placed : badPlacement, p.auth),
    {
      concurrency: 8,
      retryForMs: 120_000,
      onAnswer: (n) => {
        if (n === faultAfter) {
          faultAt = Date.now();
          fault();
        }
      },
    },
  );
  return { sent, faultAt };
}

/** Reads every case back and compares its history with what the caller was told. */
async function verify(p: ProductUnderFault, sent: Array<Sent<EventItem>>, faultAt: number) {
  let lost = 0;
  let duplicated = 0;
  let refusedButApplied = 0;
  let appliedAfterOpenAnswer = 0;
  for (const s of sent) {
    const state = await untilAnswered(() => api(p.proc.url, 'GET', `/cases/${s.item.caseId}`, undefined, p.auth));
    expect(state.status).toBe(200);
    const count = acceptedCount(state.body, 'hotel-geplaatst');
    const accepted = s.attempts.some(isAccepted);
    const hadOpen = s.attempts.some(isOpen);
    if (count > 1) duplicated += 1;
    if (accepted && count === 0) lost += 1;
    if (!s.item.valid && count > 0) refusedButApplied += 1;
    // A 409 after an open answer (503/504/reset) means an earlier try went through: the case says so.
    if (s.item.valid && !accepted && hadOpen && count === 1) appliedAfterOpenAnswer += 1;
    if (s.item.valid) expect({ caseId: s.item.caseId, count, last: s.attempts.at(-1) }).toMatchObject({ count: 1 });
    else expect(s.attempts.at(-1)).toMatchObject({ status: 422, code: 'INVALID_PAYLOAD' });
  }
  const all = sent.flatMap((s) => s.attempts);
  // Recovered: the first event sent after the fault that was accepted.
  const firstOkAfterFault = all
    .filter((a) => a.sentAt > faultAt && isAccepted(a))
    .map((a) => a.at)
    .sort((a, b) => a - b)[0];
  const statuses = Object.fromEntries(
    [...new Set(all.map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`))].map((k) => [
      k,
      all.filter((a) => `${a.status}${a.code ? ` ${a.code}` : ''}` === k).length,
    ]),
  );
  expect(all.filter((a) => a.status === 500)).toEqual([]);
  return {
    events: sent.length,
    attempts: all.length,
    accepted: sent.filter((s) => s.attempts.some(isAccepted)).length,
    appliedAfterOpenAnswer,
    refusedOnPurpose: sent.filter((s) => !s.item.valid).length,
    lost,
    duplicated,
    refusedButApplied,
    recoverMs: firstOkAfterFault ? firstOkAfterFault - faultAt : null,
    statuses,
  };
}

describe('a burst of events while a process dies', () => {
  it('kill -9 of the embedded dev server: every accepted event is applied once, nothing refused is applied', async () => {
    const p = await startProductUnderFault();
    try {
      const { sent, faultAt } = await eventBurst(p, () => process.kill(p.devServerPid() as number, 'SIGKILL'), 10);
      const figures = await verify(p, sent, faultAt);
      recordFigures('dev-server-kill-during-events', figures);
      expect(figures).toMatchObject({ lost: 0, duplicated: 0, refusedButApplied: 0 });
      expect(p.logLines('Temporal dev server restarted')).toHaveLength(1);
    } finally {
      await p.proc.stop('SIGTERM');
    }
  });

  it('kill -9 of the only worker (API replica without a worker): a new worker finishes the work; once each', async () => {
    const dataDir = tempDataDir();
    const dev: DevServer = await startDevServer({
      cliPath: process.env.TEMPORAL_CLI_PATH,
      dataDir: path.join(dataDir, 'temporal'),
      port: await freePort(),
      namespace: 'default',
      log: { info: () => undefined, warn: () => undefined },
    });
    let worker: ChildProcess | undefined;
    let p: ProductUnderFault | undefined;
    try {
      p = await startProductUnderFault({ TEMPORAL_ADDRESS: dev.address, DOORSTROOM_WORKER: 'false' });
      const product = p;
      const startWorker = async (): Promise<ChildProcess> => {
        // node itself (tsx as a loader), so the pid killed is the worker's, not a wrapper's.
        const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, ...product.env, TEMPORAL_ADDRESS: dev.address, LOG_LEVEL: 'info' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
        await waitFor(
          `the worker to run (${out.slice(-300)})`,
          () => out.includes('"worker running"') || child.exitCode !== null,
          120_000,
        );
        if (child.exitCode !== null) throw new Error(`worker exited: ${out}`);
        return child;
      };
      worker = await startWorker();
      let restarted: Promise<ChildProcess> | undefined;
      const { sent, faultAt } = await eventBurst(
        product,
        () => {
          worker?.kill('SIGKILL');
          restarted = new Promise((r) => setTimeout(r, 1_000)).then(startWorker);
        },
        10,
      );
      worker = await restarted;
      const figures = await verify(product, sent, faultAt);
      recordFigures('worker-kill-during-events', figures);
      expect(figures).toMatchObject({ lost: 0, duplicated: 0, refusedButApplied: 0 });
    } finally {
      worker?.kill('SIGTERM');
      await p?.proc.stop('SIGTERM');
      await dev.stop();
    }
  });
});
