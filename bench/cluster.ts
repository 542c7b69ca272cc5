import { Client, Connection } from '@temporalio/client';
import {
  deploymentEnv,
  startReplica,
  startWorkerProcess,
  type WorkerProcess,
} from '../test/cluster/support/cluster-product';
import { uniqueId } from '../test/support/factories';
import { api, createApiKeyAsAdmin, spawnProduct, type ProductProcess } from '../test/support/product-process';
import { ADMIN_PASSWORD, productEnv, tempDataDir, TEST_TENANT } from '../test/support/runtime';
import { startTemporalCluster } from '../test/support/temporal-cluster';

// npm run bench:cluster — starts/s and event p99 through the HTTP API on a real Temporal cluster
// (Temporal server + PostgreSQL, deploy/temporal/config.yaml) with one and with two workers, beside
// the embedded mode (npm start: dev server, SQLite, the worker in the process) in the same run.
// Sizes: BENCH_CLUSTER_CASES (default 200 per setup), BENCH_CLUSTER_CONCURRENCY (default 10).

const CASES = Number(process.env.BENCH_CLUSTER_CASES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CLUSTER_CONCURRENCY ?? 10);
const today = new Date().toISOString().slice(0, 10);
const hotelData = { municipality: TEST_TENANT, householdSize: 2, registrationDate: today };
const placed = { name: 'hotel-geplaatst', payload: { placementDate: today, hotelMunicipality: TEST_TENANT } };

interface Row {
  setup: string;
  startsPerSecond: number;
  startP99: number;
  eventsPerSecond: number;
  eventP50: number;
  eventP99: number;
  errors: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** `n` calls of `fn`, `CONCURRENCY` at a time; the wall time and each call's latency. */
async function load<T>(n: number, fn: (i: number) => Promise<T>) {
  const latencies: number[] = [];
  const results: T[] = new Array<T>(n);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        results[i] = await fn(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies: latencies.sort((a, b) => a - b), results };
}

/** Waits until the started cases have done their opening work, so the events measure the event path. */
async function settle(client: Client, ids: string[]): Promise<void> {
  const pending = new Set(ids);
  const t0 = Date.now();
  while (pending.size > 0) {
    if (Date.now() - t0 > 600_000) throw new Error(`bench:cluster: ${pending.size} cases still busy after 600 s`);
    for (const id of [...pending]) {
      const { raw } = await client.workflow.getHandle(id).describe();
      if (!raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0) pending.delete(id);
    }
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
}

async function measure(setup: string, base: string, auth: Record<string, string>, client: Client): Promise<Row> {
  let errors = 0;
  const starts = await load(CASES, async () => {
    const res = await api(
      base,
      'POST',
      '/processes/nareiziger-hotelverblijf/cases',
      { caseRef: uniqueId('BENCH'), data: hotelData },
      auth,
    );
    if (res.status !== 201) errors += 1;
    return (res.body as { caseId: string }).caseId;
  });
  const ids = starts.results.filter(Boolean);
  await settle(client, ids);
  const events = await load(ids.length, async (i) => {
    const res = await api(base, 'POST', `/cases/${ids[i]}/events`, placed, auth);
    if (res.status !== 200) errors += 1;
  });
  const row = {
    setup,
    startsPerSecond: CASES / starts.seconds,
    startP99: pct(starts.latencies, 0.99),
    eventsPerSecond: ids.length / events.seconds,
    eventP50: pct(events.latencies, 0.5),
    eventP99: pct(events.latencies, 0.99),
    errors,
  };
  console.log(JSON.stringify(row));
  return row;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const rateEnv = { RATE_LIMIT_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' };

  // Embedded: npm start as an operator runs it on one machine.
  {
    const base = await productEnv(tempDataDir());
    const product = await spawnProduct({ ...base, ...rateEnv });
    const connection = await Connection.connect({ address: `127.0.0.1:${base.TEMPORAL_DEV_PORT}` });
    try {
      const auth = await createApiKeyAsAdmin(product.url, TEST_TENANT, ADMIN_PASSWORD);
      rows.push(
        await measure(
          'embedded (dev server, SQLite, worker in process)',
          product.url,
          auth,
          new Client({ connection }),
        ),
      );
    } finally {
      await connection.close();
      await product.stop();
    }
  }

  // The cluster: one API replica (no worker of its own), first one worker, then two.
  const cluster = await startTemporalCluster();
  const workers: WorkerProcess[] = [];
  let replica: ProductProcess | undefined;
  const connection = await Connection.connect({ address: cluster.address });
  try {
    const env = await deploymentEnv(cluster, rateEnv);
    replica = await startReplica(env);
    const auth = await createApiKeyAsAdmin(replica.url, TEST_TENANT, ADMIN_PASSWORD);
    const client = new Client({ connection, namespace: cluster.namespace });
    workers.push(startWorkerProcess(env));
    await workers[0]?.ready;
    rows.push(await measure('cluster, 1 worker', replica.url, auth, client));
    workers.push(startWorkerProcess(env));
    await workers[1]?.ready;
    rows.push(await measure('cluster, 2 workers', replica.url, auth, client));
  } finally {
    await connection.close();
    await Promise.all([replica?.stop(), ...workers.map((w) => w.stop())]);
    await cluster.stop();
  }

  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(`\n${CASES} cases per setup, ${CONCURRENCY} requests at a time, through the HTTP API\n`);
  console.log('| setup | starts/s | start p99 | events/s | event p50 | event p99 | errors |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.setup} | ${r.startsPerSecond.toFixed(1)} | ${ms(r.startP99)} | ${r.eventsPerSecond.toFixed(1)} | ${ms(r.eventP50)} | ${ms(r.eventP99)} | ${r.errors} |`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
