import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startDevServer, type DevServer } from '../../platform/temporal/dev-server';
import { freePort } from '../../platform/temporal/free-port';
import { tempDataDir } from '../support/runtime';
import {
  acceptedCount,
  attempt,
  burst,
  eachLimited,
  isAccepted,
  isOpen,
  recordFigures,
  type Sent,
} from './support/burst';
import {
  bound,
  housed,
  place,
  ready,
  startHotelCase,
  startProductUnderFault,
  untilAnswered,
  waitFor,
  type ProductUnderFault,
} from './support/product-under-fault';
import { tail, waitWhileWorking } from './support/readiness';
import { api } from '../support/product-process';
import { halfYearOf } from '../../workflows/engine/half-year';
import { TEST_TENANT } from '../support/runtime';
import { signIn, type Session } from './support/people';
import { readStore, subscribeReceiver, verifyWebhooks, type WebhookWatch } from './support/ledger-and-webhooks';

const ROOT = path.resolve(__dirname, '..', '..');
const CASES = 32;
/** Every fourth case gets an event its step refuses (a payload failing its schema): it must never be applied. */
const refusedOnPurpose = (i: number) => i % 4 === 3;
/** The event of the burst: housing found, so the case counts for the taakstelling, completes and tells its subscribers. */
const EVENT = housed.name;
const today = new Date().toISOString().slice(0, 10);
const housedToday = { name: EVENT, payload: { tenancyStartDate: today } };
const badHousing = { name: EVENT, payload: { housingAssociation: 'zonder ingangsdatum' } };
/**
 * Deliveries cut off by the fault are retried by Temporal (attempt timeout, then backoff): minutes,
 * not seconds. At the suite's pace (`bound`: the product's measured time to ready).
 */
const WEBHOOKS_SETTLE_MS = 180_000;
/**
 * Jest's own limit, only a safety net: every wait inside has its own bound (at the suite's pace,
 * or while the product makes progress) and fails first, saying what it waited for.
 */
const TEST_TIMEOUT_MS = 1_500_000;

interface EventItem {
  caseId: string;
  valid: boolean;
}

/**
 * Starts the cases and places each in a hotel (a subscriber hears of all of it), then sends each
 * one housing found in a burst while `fault` strikes after `faultAfter` answers.
 */
async function eventBurst(p: ProductUnderFault, fault: () => void, faultAfter: number) {
  const t0 = Date.now();
  // A few at a time, as a municipal system would: the set-up is not what is under test.
  const caseIds: string[] = new Array<string>(CASES);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < CASES) {
        const i = next++;
        const caseId = await startHotelCase(p);
        // A busy shared machine may answer 503/504 now and then; a municipal system tries again.
        await place(p, caseId);
        caseIds[i] = caseId;
      }
    }),
  );
  const items: EventItem[] = caseIds.map((caseId, i) => ({ caseId, valid: !refusedOnPurpose(i) }));
  let faultAt = 0;
  const sent = await burst(
    items,
    (it) => attempt(p.proc.url, 'POST', `/cases/${it.caseId}/events`, it.valid ? housedToday : badHousing, p.auth),
    {
      concurrency: 8,
      retryForMs: bound(120_000),
      onAnswer: (n) => {
        if (n === faultAfter) {
          faultAt = Date.now();
          fault();
        }
      },
    },
  );
  return { sent, faultAt, setupMs: faultAt - t0 };
}

/** Reads every case back and compares its history with what the caller was told. */
async function verify(p: ProductUnderFault, sent: Array<Sent<EventItem>>, faultAt: number) {
  let lost = 0;
  let duplicated = 0;
  let refusedButApplied = 0;
  let appliedAfterOpenAnswer = 0;
  await eachLimited(sent, 4, async (s) => {
    const state = await untilAnswered(() => api(p.proc.url, 'GET', `/cases/${s.item.caseId}`, undefined, p.auth));
    if (state.status !== 200) console.log(JSON.stringify(state.body), p.logLines('unhandled error in request'));
    expect(state.status).toBe(200);
    const count = acceptedCount(state.body, EVENT);
    const accepted = s.attempts.some(isAccepted);
    const hadOpen = s.attempts.some(isOpen);
    if (count > 1) duplicated += 1;
    if (accepted && count === 0) lost += 1;
    if (!s.item.valid && count > 0) refusedButApplied += 1;
    // A 409 after an open answer (503/504/reset) means an earlier try went through: the case says so.
    if (s.item.valid && !accepted && hadOpen && count === 1) appliedAfterOpenAnswer += 1;
    if (s.item.valid) expect({ caseId: s.item.caseId, count, last: s.attempts.at(-1) }).toMatchObject({ count: 1 });
    else expect(s.attempts.at(-1)).toMatchObject({ status: 422, code: 'INVALID_PAYLOAD' });
  });
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
  const internal = all.filter((a) => a.status === 500);
  // The product's own words for a 500, so a failure says what broke.
  if (internal.length > 0)
    console.log('faults: 500 answers; the product logged', p.logLines('unhandled error in request'));
  expect(internal).toEqual([]);
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

/**
 * After recovery: every housed case is in the taakstelling ledger exactly once (and no refused
 * one), and every case event its history implies reached the receiver (at least once, with one
 * stable id per event, header and body alike); the delivery log says delivered for each.
 */
async function verifyLedgerAndWebhooks(
  p: ProductUnderFault,
  admin: Session,
  watch: WebhookWatch,
  sent: Array<Sent<EventItem>>,
) {
  const states = new Map<string, { status: string; history?: Array<{ type: string }> }>();
  await eachLimited(sent, 4, async (s) => {
    // A housed case moves on to its end by itself; a refused one stays waiting.
    const state = await waitFor(
      `case ${s.item.caseId} to settle`,
      async () => {
        const res = await untilAnswered(() => api(p.proc.url, 'GET', `/cases/${s.item.caseId}`, undefined, p.auth));
        return (!s.item.valid || res.body.status === 'completed') && res.body;
      },
      bound(60_000),
      250,
    );
    states.set(s.item.caseId, state);
    if (s.item.valid) expect(state).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
  });

  // The ledger: one row per housed case, none for a refused one; the API's realisation agrees.
  const store = readStore(p.env.DATA_DIR as string);
  const ledger = store.placements();
  const housedCases = sent.filter((s) => s.item.valid).map((s) => s.item.caseId);
  const ledgerMissing = housedCases.filter((c) => (ledger.get(c)?.length ?? 0) === 0).length;
  const ledgerDuplicated = [...ledger.values()].filter((rows) => rows.length > 1).length;
  const ledgerUnexpected = sent.filter((s) => !s.item.valid && ledger.has(s.item.caseId)).length;
  for (const c of housedCases)
    expect(ledger.get(c)).toEqual([
      { node_id: 'tel-huisvesting', half_year: halfYearOf(today), municipality: TEST_TENANT },
    ]);
  const quota = await api(p.proc.url, 'GET', '/quota/taakstelling', undefined, admin.headers);
  expect(quota.status).toBe(200);
  const period = [...quota.body.taakstelling.current, ...quota.body.taakstelling.previous].find(
    (t: { municipality: string; halfYear: string }) =>
      t.municipality === TEST_TENANT && t.halfYear === halfYearOf(today),
  );
  expect(period?.realised).toBe(housedCases.length);

  const webhooks = await verifyWebhooks(store, watch, states, bound(WEBHOOKS_SETTLE_MS));
  return {
    ledgerRows: [...ledger.values()].reduce((n, rows) => n + rows.length, 0),
    ledgerMissing,
    ledgerDuplicated,
    ledgerUnexpected,
    ...webhooks,
  };
}

describe('a burst of events while a process dies', () => {
  it(
    'kill -9 of the embedded dev server: every accepted event is applied once, nothing refused is applied; the ledger counts each placement once; every webhook arrives',
    async () => {
      const p = await startProductUnderFault();
      let watch: WebhookWatch | undefined;
      try {
        const admin = await signIn(p.proc.url);
        watch = await subscribeReceiver(p.proc.url, admin);
        const { sent, faultAt, setupMs } = await eventBurst(
          p,
          () => process.kill(p.devServerPid() as number, 'SIGKILL'),
          10,
        );
        const figures = {
          ...(await verify(p, sent, faultAt)),
          ...(await verifyLedgerAndWebhooks(p, admin, watch, sent)),
          setupMs,
          sinceFaultMs: Date.now() - faultAt,
        };
        recordFigures('dev-server-kill-during-events', figures);
        expect(figures).toMatchObject({
          lost: 0,
          duplicated: 0,
          refusedButApplied: 0,
          ledgerMissing: 0,
          ledgerDuplicated: 0,
          ledgerUnexpected: 0,
          webhooksLost: 0,
          webhookIdMismatch: 0,
        });
        expect(p.logLines('Temporal dev server restarted')).toHaveLength(1);
      } finally {
        await p.proc.stop('SIGTERM');
        await watch?.close();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'kill -9 of the only worker (API replica without a worker): a new worker finishes the work; once each; the ledger counts each placement once; every webhook arrives',
    async () => {
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
      let watch: WebhookWatch | undefined;
      try {
        p = await startProductUnderFault(
          { TEMPORAL_ADDRESS: dev.address, DOORSTROOM_WORKER: 'false' },
          { firstTask: false },
        );
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
          // Bundling the workflow code takes minutes of wall time on a loaded machine: bounded by progress.
          await waitWhileWorking(
            'the worker to run',
            () => (child.exitCode === null && child.pid ? [child.pid] : undefined),
            async () => out.includes('"worker running"'),
            { context: () => `last lines of the worker:\n${tail(out)}` },
          );
          return child;
        };
        worker = await startWorker();
        const running = worker;
        await ready(product, () =>
          product.proc.child.exitCode === null && running.exitCode === null
            ? [product.proc.child.pid as number, running.pid as number]
            : undefined,
        );
        const admin = await signIn(product.proc.url);
        watch = await subscribeReceiver(product.proc.url, admin);
        let restarted: Promise<ChildProcess> | undefined;
        const { sent, faultAt, setupMs } = await eventBurst(
          product,
          () => {
            worker?.kill('SIGKILL');
            restarted = new Promise((r) => setTimeout(r, 1_000)).then(startWorker);
          },
          10,
        );
        worker = await restarted;
        const figures = {
          ...(await verify(product, sent, faultAt)),
          ...(await verifyLedgerAndWebhooks(product, admin, watch, sent)),
          setupMs,
          sinceFaultMs: Date.now() - faultAt,
        };
        recordFigures('worker-kill-during-events', figures);
        expect(figures).toMatchObject({
          lost: 0,
          duplicated: 0,
          refusedButApplied: 0,
          ledgerMissing: 0,
          ledgerDuplicated: 0,
          ledgerUnexpected: 0,
          webhooksLost: 0,
          webhookIdMismatch: 0,
        });
      } finally {
        worker?.kill('SIGTERM');
        await p?.proc.stop('SIGTERM');
        await dev.stop();
        await watch?.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
