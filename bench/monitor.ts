import os from 'node:os';
import request from 'supertest';
import { CASE_SORTS } from '../contract/cases';
import { TEST_TENANT } from '../test/support/runtime';
import { daysAgo, startMonitorProduct } from '../test/services/monitor/monitor-product';

// npx tsx bench/monitor.ts [cases] — starts the product in-process, starts N hotel-stay cases
// (default 10,000; placed in a hotel 0–180 days ago) and times the monitor's reads from the API:
// the first page of the case list (goal < 500 ms) with and without filters; the list sorted across
// pages (services/cases/case-order.ts) in each order, page 1 and page 10, beside the unsorted list's
// page 1 and page 10 in the same run (the ratio printed: what the order costs); and the dashboard.

const CASES = Number(process.argv[2] ?? 10_000);
const RUNS = 15;

/** Times `fn` `runs` times and prints a line; returns the median (ms). `baseline`: a median to print the ratio to. */
async function timed(
  label: string,
  fn: () => Promise<unknown>,
  opts: { runs?: number; baseline?: number } = {},
): Promise<number> {
  const runs = opts.runs ?? RUNS;
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (f: number) => ms[Math.min(ms.length - 1, Math.floor(f * ms.length))] as number;
  const median = at(0.5);
  const ratio = opts.baseline ? `${(median / opts.baseline).toFixed(1)}×` : '';
  console.log(
    `| ${label} | ${runs} | ${median.toFixed(0)} | ${at(0.95).toFixed(0)} | ${(ms[ms.length - 1] as number).toFixed(0)} | ${ratio} |`,
  );
  return median;
}

/**
 * Sends again what the API refuses for a moment under load (a case not yet waiting, Temporal busy),
 * at most 50 times. `fn` is given how many tries were refused as not waiting (not applied: the next
 * try may be a new update); after a 5xx the try may have gone through, so it is sent the same.
 */
async function again<T>(fn: (refused: number) => Promise<T>): Promise<T> {
  let refused = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(refused);
    } catch (err) {
      const e = err as { code?: string; status?: number };
      if (e.code === 'CASE_NOT_WAITING') refused++;
      else if (e.code !== 'TEMPORAL_UNAVAILABLE' && (e.status ?? 0) < 500) throw err;
      if (attempt >= 50) throw err;
      retries++;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
let retries = 0;

async function main(): Promise<void> {
  const p = await startMonitorProduct();
  try {
    const t0 = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < CASES) {
        const i = next++;
        const { caseId } = await again(() =>
          p.product.cases.start(TEST_TENANT, 'nareiziger-hotelverblijf', `BENCH-${i}`, {
            municipality: TEST_TENANT,
            householdSize: 1 + (i % 5),
            registrationDate: daysAgo(200),
          }),
        );
        if (i % 2 === 0)
          await again((refused) =>
            p.product.cases.sendEvent(
              TEST_TENANT,
              caseId,
              { name: 'hotel-geplaatst', payload: { placementDate: daysAgo(i % 180), hotelMunicipality: TEST_TENANT } },
              // A try that went through after all is answered, not applied twice.
              { updateId: `bench-placed-${i}-${refused}` },
            ),
          );
        if (i > 0 && i % 1000 === 0) console.error(`${i} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.error(`${CASES} cases started in ${((Date.now() - t0) / 1000).toFixed(0)} s (${retries} sent again)`);
    const api = request(p.monitorApp);
    const supervisor = await p.session(TEST_TENANT, 'bench', ['supervisor']);
    for (;;) {
      const n = await p.product.cases.count(TEST_TENANT, {});
      if (n >= CASES) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(
      `\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}, ${CASES} cases, embedded Temporal dev server (SQLite)\n`,
    );
    console.log('| request | runs | median ms | p95 ms | max ms | × unsorted |\n|---|---|---|---|---|---|');
    const get = (url: string) => async () => {
      const res = await api.get(url).set(supervisor);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return res.body as unknown;
    };
    /** The cursor of page `page` of a list (walked from page 1). */
    const cursorOf = async (url: string, page: number): Promise<string> => {
      let cursor = '';
      for (let i = 1; i < page; i++) {
        const r = (await get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)()) as {
          nextCursor: string | null;
        };
        if (!r.nextCursor) throw new Error(`${url}: no page ${i + 1} (too few cases for page ${page})`);
        cursor = r.nextCursor;
      }
      return cursor;
    };
    const DEEP = 10;
    const unsorted = await timed('GET /cases?limit=50 (first page)', get('/api/v1/cases?limit=50'));
    await timed(
      'GET /cases?limit=50&processId&step&status=running',
      get('/api/v1/cases?limit=50&processId=nareiziger-hotelverblijf&step=coa-betaalde-periode&status=running'),
    );
    await timed('GET /cases?limit=50&overdue=true', get('/api/v1/cases?limit=50&overdue=true'));
    const second = await cursorOf('/api/v1/cases?limit=50', 2);
    await timed('GET /cases?limit=50&cursor (second page)', get(`/api/v1/cases?limit=50&cursor=${second}`));
    const deep = await cursorOf('/api/v1/cases?limit=50', DEEP);
    const unsortedDeep = await timed(
      `GET /cases?limit=50&cursor (page ${DEEP})`,
      get(`/api/v1/cases?limit=50&cursor=${encodeURIComponent(deep)}`),
    );
    // Sorted across pages (services/cases/case-order.ts): page 1, and page 10 from the cursor of page 9.
    for (const sort of CASE_SORTS) {
      const url = `/api/v1/cases?limit=50&sort=${sort}`;
      await timed(`GET /cases?limit=50&sort=${sort} (page 1)`, get(url), { baseline: unsorted });
      const cursor = await cursorOf(url, DEEP);
      await timed(
        `GET /cases?limit=50&sort=${sort}&cursor (page ${DEEP})`,
        get(`${url}&cursor=${encodeURIComponent(cursor)}`),
        {
          baseline: unsortedDeep,
        },
      );
    }
    const c0 = performance.now();
    await get('/api/v1/monitor/summary')();
    console.log(
      `| GET /monitor/summary, first (visibility counts; case states only for the soonest HAR endings) | 1 | ${(performance.now() - c0).toFixed(0)} | | | |`,
    );
    // Each later call waits out the 5 s shared summary cache first; only the request is timed.
    const later: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5500));
      const t0 = performance.now();
      await get('/api/v1/monitor/summary')();
      later.push(performance.now() - t0);
    }
    later.sort((a, b) => a - b);
    console.log(
      `| GET /monitor/summary, again (summary cache expired) | 3 | ${(later[1] ?? 0).toFixed(0)} | ${(later[2] ?? 0).toFixed(0)} | ${(later[2] ?? 0).toFixed(0)} | |`,
    );
  } finally {
    await p.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
