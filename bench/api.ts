import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { listenDrainable } from '../server/http-server';
import { caseIdFor } from '../services/cases/case-id';
import { hotelCaseInput } from '../test/support/factories';
import { startProduct, tempDataDir } from '../test/support/runtime';
import { INTERPRETER_WORKFLOW } from '../workflows/messages';

// npm run bench:api — the API on loopback against the embedded stack, beside the raw Temporal
// client doing the same starts in the same run: the ratio is the API's overhead (target ≥ 0.7).
// Sizes: BENCH_API_SECONDS (default 10 per phase), BENCH_API_CONNECTIONS (default 10).

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
/**
 * autocannon's own timeout, above the API's 10 s deadline for a Temporal call: a slow request is
 * then reported with the API's own answer (e.g. 504 CASE_BUSY, a non-2xx) instead of being cut off by
 * the client at the same 10 s and counted as a socket timeout.
 */
const CLIENT_TIMEOUT_S = 20;
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 10);

interface Phase {
  label: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statuses?: string;
}

type Product = Awaited<ReturnType<typeof startProduct>>;

/**
 * Waits until the cases started so far have done their opening work (no workflow task or activity
 * pending): the started cases' first workflow tasks are still queued on the one worker when a timed
 * start phase ends, and an event sent then waits behind all of them — that measured the start
 * phase's backlog, not the event path (issue 13: 31 of 34 events timed out). Returns the seconds waited.
 */
async function settle(product: Product, workflowIds: string[]): Promise<number> {
  const t0 = performance.now();
  const pending = new Set(workflowIds);
  while (pending.size > 0) {
    if (performance.now() - t0 > 300_000) {
      // Say what one of them waits for: a task, or an activity with its attempts and last failure.
      const [example] = pending;
      const { raw } = await product.runtime.client.workflow.getHandle(example as string).describe();
      const activity = raw.pendingActivities?.[0];
      const what = activity
        ? `activity ${activity.activityType?.name} attempt ${activity.attempt}: ${activity.lastFailure?.message ?? 'no failure'}`
        : `workflow task (attempt ${raw.pendingWorkflowTask?.attempt ?? '?'})`;
      throw new Error(`bench:api: ${pending.size} cases still busy after 300 s; one waits for ${what}`);
    }
    for (const id of [...pending]) {
      const { raw } = await product.runtime.client.workflow.getHandle(id).describe();
      if (!raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) pending.delete(id);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
  return (performance.now() - t0) / 1000;
}

/** The case data of every start, raw and through the API: registered a month ago (COA's six months run). */
const data = {
  municipality: 'GM0363',
  householdSize: 3,
  registrationDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
};

const rawIdSecret = randomBytes(32);

async function rawStarts(product: Product, workflowIds: string[]): Promise<Phase> {
  const input = hotelCaseInput({ tenant: 'GM0363', data });
  const latencies: number[] = [];
  let started = 0;
  const until = Date.now() + SECONDS * 1000;
  const worker = async (w: number) => {
    while (Date.now() < until) {
      const t0 = performance.now();
      const handle = await product.runtime.client.workflow.start(INTERPRETER_WORKFLOW, {
        taskQueue: product.taskQueue,
        // A case id as the product makes them (tenant first): the case's events are refused otherwise.
        workflowId: caseIdFor(rawIdSecret, 'GM0363', input.definition.id, `RAW-${process.pid}-${w}-${started}`),
        args: [{ ...input, caseRef: `RAW-${w}-${started}` }],
      });
      latencies.push(performance.now() - t0);
      workflowIds.push(handle.workflowId);
      started += 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => worker(i)));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    label: 'raw Temporal client: start',
    perSecond: started / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    errors: 0,
  };
}

function cannon(label: string, opts: autocannon.Options): Promise<Phase> {
  return new Promise((resolve, reject) => {
    const timing = opts.amount ? {} : { duration: SECONDS };
    autocannon({ connections: CONNECTIONS, timeout: CLIENT_TIMEOUT_S, ...timing, ...opts }, (err, r) => {
      if (err) return reject(err as Error);
      const statuses = Object.entries(r.statusCodeStats ?? {})
        .map(([code, v]) => `${code}×${(v as { count: number }).count}`)
        .join(' ');
      resolve({
        label,
        perSecond: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.non2xx + r.errors,
        statuses,
      });
    });
  });
}

async function main(): Promise<void> {
  const product = await startProduct(tempDataDir(), { env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
  const http = await listenDrainable(product.app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${http.port}`;
  const headers = { ...product.auth, 'content-type': 'application/json' };
  let n = 0;
  const caseIds: string[] = [];
  const rawIds: string[] = [];
  const settled: string[] = [];
  try {
    const raw = await rawStarts(product, rawIds);
    settled.push(`after the raw starts ${(await settle(product, rawIds)).toFixed(1)} s`);
    const starts = await cannon('API: POST start case', {
      url: `${base}/api/v1/processes/nareiziger-hotelverblijf/cases`,
      method: 'POST',
      headers,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ caseRef: `BENCH-${process.pid}-${n++}`, data }) }),
          onResponse: (_s, body) => {
            try {
              caseIds.push((JSON.parse(body) as { caseId: string }).caseId);
            } catch {
              /* counted as error */
            }
          },
        },
      ],
    });
    settled.push(`after the API starts ${(await settle(product, caseIds)).toFixed(1)} s`);
    let e = 0;
    // Each started case gets its one expected event: as many requests as cases.
    const events = await cannon('API: POST event (hotel-geplaatst)', {
      url: base,
      method: 'POST',
      headers,
      amount: caseIds.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/cases/${caseIds[e++ % caseIds.length]}/events`,
            body: JSON.stringify({
              name: 'hotel-geplaatst',
              payload: { placementDate: new Date().toISOString().slice(0, 10), hotelMunicipality: 'GM0363' },
            }),
          }),
        },
      ],
    });
    const list = await cannon('API: GET case list (50)', {
      url: `${base}/api/v1/cases?limit=50`,
      headers: product.auth,
    });

    const rows = [raw, starts, events, list];
    console.log(
      `\nbench:api — ${SECONDS}s per phase, ${CONNECTIONS} connections, loopback, embedded Temporal + SQLite`,
    );
    console.log('| phase | req/s | p50 ms | p99 ms | non-2xx/errors | statuses |\n|---|---:|---:|---:|---:|---|');
    for (const r of rows)
      console.log(
        `| ${r.label} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${r.statuses ?? ''} |`,
      );
    console.log(`\nWaited for the started cases to reach their first waiting step: ${settled.join(', ')}.`);
    console.log(
      `\nAPI start throughput ÷ raw client start throughput: ${(starts.perSecond / raw.perSecond).toFixed(2)} (target ≥ 0.7)`,
    );
  } finally {
    // As npm start stops: a timed phase ends with requests in flight; they finish before Temporal goes.
    const unfinished = await http.close(10_000);
    if (unfinished > 0) console.error(`bench:api: ${unfinished} requests still running after 10 s were cut off`);
    await product.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
