import os from 'node:os';
import request from 'supertest';
import { TEST_TENANT } from '../test/support/runtime';
import { daysAgo, startMonitorProduct } from '../test/services/monitor/monitor-product';

// npx tsx bench/monitor.ts [cases] — starts the product in-process, starts N hotel-stay cases
// (default 10,000; placed in a hotel 0–180 days ago) and times the monitor's reads from the API:
// the first page of the case list (goal < 500 ms) with and without filters, pages 1 and 10 in
// deadline order, and the dashboard.

const CASES = Number(process.argv[2] ?? 10_000);
const RUNS = 15;

async function timed(label: string, fn: () => Promise<unknown>, runs = RUNS): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (f: number) => (ms[Math.min(ms.length - 1, Math.floor(f * ms.length))] as number).toFixed(0);
  console.log(`| ${label} | ${runs} | ${q(0.5)} | ${q(0.95)} | ${(ms[ms.length - 1] as number).toFixed(0)} |`);
}

async function main(): Promise<void> {
  const p = await startMonitorProduct();
  try {
    const t0 = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < CASES) {
        const i = next++;
        const { caseId } = await p.product.cases.start(TEST_TENANT, 'nareiziger-hotelverblijf', `BENCH-${i}`, {
          municipality: TEST_TENANT,
          householdSize: 1 + (i % 5),
          registrationDate: daysAgo(200),
        });
        for (let attempt = 0; i % 2 === 0 && attempt < 50; attempt++) {
          try {
            await p.product.cases.sendEvent(TEST_TENANT, caseId, {
              name: 'hotel-geplaatst',
              payload: { placementDate: daysAgo(i % 180), hotelMunicipality: TEST_TENANT },
            });
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== 'CASE_NOT_WAITING') throw err;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        if (i > 0 && i % 1000 === 0) console.error(`${i} cases in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    console.error(`${CASES} cases started in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const api = request(p.monitorApp);
    const supervisor = await p.session(TEST_TENANT, 'bench', ['supervisor']);
    for (;;) {
      const n = await p.product.cases.count(TEST_TENANT, {});
      if (n >= CASES) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    console.log(
      `\n${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${CASES} cases, embedded Temporal dev server (SQLite)\n`,
    );
    console.log('| request | runs | median ms | p95 ms | max ms |\n|---|---|---|---|---|');
    const get = (url: string) => async () => {
      const res = await api.get(url).set(supervisor);
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      return res.body as unknown;
    };
    await timed('GET /cases?limit=50 (first page)', get('/api/v1/cases?limit=50'));
    await timed(
      'GET /cases?limit=50&processId&step&status=running',
      get('/api/v1/cases?limit=50&processId=nareiziger-hotelverblijf&step=coa-betaalde-periode&status=running'),
    );
    await timed('GET /cases?limit=50&overdue=true', get('/api/v1/cases?limit=50&overdue=true'));
    const first = (await get('/api/v1/cases?limit=50')()) as { nextCursor: string };
    await timed('GET /cases?limit=50&cursor (second page)', get(`/api/v1/cases?limit=50&cursor=${first.nextCursor}`));
    // Sorted across pages (services/cases/case-order.ts): page 1, and page 10 from the cursor of page 9.
    await timed('GET /cases?limit=50&sort=nextDeadline (page 1)', get('/api/v1/cases?limit=50&sort=nextDeadline'));
    let cursor = '';
    for (let page = 1; page < 10; page++) {
      const r = (await get(`/api/v1/cases?limit=50&sort=nextDeadline${cursor ? `&cursor=${cursor}` : ''}`)()) as {
        nextCursor: string;
      };
      cursor = r.nextCursor;
    }
    await timed(
      'GET /cases?limit=50&sort=nextDeadline&cursor (page 10)',
      get(`/api/v1/cases?limit=50&sort=nextDeadline&cursor=${cursor}`),
    );
    await timed('GET /cases?limit=50&sort=-startedAt (page 1)', get('/api/v1/cases?limit=50&sort=-startedAt'));
    const c0 = performance.now();
    await get('/api/v1/monitor/summary')();
    console.log(
      `| GET /monitor/summary, first (visibility counts; case states only for the soonest HAR endings) | 1 | ${(performance.now() - c0).toFixed(0)} | | |`,
    );
    // Each later call waits out the 5 s shared summary cache first; only the request is timed.
    const again: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5500));
      const t0 = performance.now();
      await get('/api/v1/monitor/summary')();
      again.push(performance.now() - t0);
    }
    again.sort((a, b) => a - b);
    console.log(
      `| GET /monitor/summary, again (summary cache expired) | 3 | ${(again[1] ?? 0).toFixed(0)} | ${(again[2] ?? 0).toFixed(0)} | ${(again[2] ?? 0).toFixed(0)} |`,
    );
  } finally {
    await p.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
