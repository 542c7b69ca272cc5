import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTemporalTls } from '../../platform/temporal/temporal-tls';
import { uniqueId } from '../support/factories';
import { api, createApiKeyAsAdmin, type ProductProcess } from '../support/product-process';
import { TEST_TENANT } from '../support/runtime';
import { startTemporalCluster, type TemporalCluster } from '../support/temporal-cluster';
import { createTestPki, type TestPki } from '../support/test-certificates';
import { deploymentEnv, startReplica, startWorkerProcess, type WorkerProcess } from './support/cluster-product';

/**
 * The product on a Temporal server whose frontend demands client certificates (mTLS), set up with
 * deploy/temporal/config.yaml's TLS variables and a CA, server and client certificates made with
 * openssl: with its client certificate the product runs a case; without one, or with one of another
 * CA, it refuses to start with TEMPORAL_TLS_REFUSED; and /readyz of a running replica names the
 * refusal when the server stops accepting its certificate.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const today = new Date().toISOString().slice(0, 10);

let pki: TestPki;
let other: TestPki;
let clientCaFile: string;
let cluster: TemporalCluster;
let env: Record<string, string>;
let replica: ProductProcess | undefined;
let worker: WorkerProcess | undefined;

async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One process of the product as its own OS process, to its exit; with how long it took. */
function runToExit(entry: string, processEnv: Record<string, string>, limitMs = 120_000) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...processEnv, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'doorstroom-mtls-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const kill = setTimeout(() => child.kill('SIGKILL'), limitMs);
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve({ code, output: out, ms: Date.now() - started });
    }),
  );
}

function without(names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k)));
}

beforeAll(async () => {
  const t0 = Date.now();
  pki = createTestPki();
  other = createTestPki('Other');
  // The CA whose client certificates the frontend accepts, in a file of its own: the test rotates it.
  clientCaFile = path.join(pki.dir, 'client-ca.pem');
  copyFileSync(pki.caFile, clientCaFile);
  const clientTls = { enabled: true, caFile: pki.caFile, certFile: pki.clientCertFile, keyFile: pki.clientKeyFile };
  cluster = await startTemporalCluster({
    serverEnv: {
      TEMPORAL_FRONTEND_TLS_CERT_FILE: pki.serverCertFile,
      TEMPORAL_FRONTEND_TLS_KEY_FILE: pki.serverKeyFile,
      TEMPORAL_FRONTEND_TLS_CLIENT_CA_FILE: clientCaFile,
      TEMPORAL_FRONTEND_TLS_CA_FILE: pki.caFile,
      TEMPORAL_FRONTEND_TLS_SERVER_NAME: 'temporal-frontend',
      TEMPORAL_TLS_REFRESH_INTERVAL: '2s',
    },
    tls: { ...readTemporalTls(clientTls), serverNameOverride: 'temporal-frontend' },
  });
  env = await deploymentEnv(cluster, {
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.caFile,
    TEMPORAL_TLS_CLIENT_CERT_PATH: pki.clientCertFile,
    TEMPORAL_TLS_CLIENT_KEY_PATH: pki.clientKeyFile,
    // The address is 127.0.0.1; the certificate names temporal-frontend (as behind a load balancer).
    TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
  });
  console.log(`Temporal with an mTLS frontend up in ${Math.round((Date.now() - t0) / 1000)} s`);
}, 600_000);

afterAll(async () => {
  await Promise.all([replica?.stop(), worker?.stop()]);
  await cluster?.stop();
  pki?.remove();
  other?.remove();
}, 120_000);

test('with its client certificate an API replica and a worker run a case over mTLS', async () => {
  replica = await startReplica(env);
  worker = startWorkerProcess(env);
  await worker.ready;
  const auth = await createApiKeyAsAdmin(replica.url, TEST_TENANT, env.DOORSTROOM_ADMIN_PASSWORD as string);
  const start = await api(
    replica.url,
    'POST',
    '/processes/nareiziger-hotelverblijf/cases',
    { caseRef: uniqueId('ZAAK'), data: { municipality: TEST_TENANT, householdSize: 2, registrationDate: today } },
    auth,
  );
  expect([200, 201]).toContain(start.status);
  const caseId = start.body.caseId as string;
  // The worker (the SDK's native connection, with the same certificate) runs the case's first step.
  const placed = await api(
    replica.url,
    'POST',
    `/cases/${caseId}/events`,
    { name: 'hotel-geplaatst', payload: { placementDate: today, hotelMunicipality: TEST_TENANT } },
    auth,
  );
  expect(placed).toMatchObject({ status: 200, body: { accepted: true, currentStep: 'coa-betaalde-periode' } });
  const ready = await fetch(`${replica.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({
    status: 'ready',
    checks: expect.arrayContaining([expect.objectContaining({ name: 'temporal', ok: true })]),
  });
}, 300_000);

test('without a client certificate the API refuses to start: TEMPORAL_TLS_REFUSED, in seconds', async () => {
  const run = await runToExit('product/main.ts', {
    ...without(['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH']),
    DOORSTROOM_WORKER: 'false',
    PORT: '0',
  });
  expect(run.code).toBe(1);
  expect(run.output).toMatch(/TEMPORAL_TLS_REFUSED: de TLS-verbinding met Temporal \(127\.0\.0\.1:\d+\) is geweigerd/);
  console.log(`API without a client certificate stopped after ${run.ms} ms`);
}, 180_000);

test('with a client certificate of another CA the worker refuses to start: TEMPORAL_TLS_REFUSED', async () => {
  const run = await runToExit('worker/main.ts', {
    ...env,
    TEMPORAL_TLS_CLIENT_CERT_PATH: other.clientCertFile,
    TEMPORAL_TLS_CLIENT_KEY_PATH: other.clientKeyFile,
  });
  expect(run.code).toBe(1);
  expect(run.output).toMatch(/TEMPORAL_TLS_REFUSED/);
  console.log(`worker with another CA's certificate stopped after ${run.ms} ms`);
}, 180_000);

test("a server that no longer accepts the replica's certificate shows in /readyz with its code, not as a hang", async () => {
  expect(replica).toBeDefined();
  const readiness = async () => {
    const started = Date.now();
    const res = await fetch(`${replica!.url}/readyz`);
    const body = (await res.json()) as { checks: Array<{ name: string; ok: boolean; code?: string }> };
    return { status: res.status, temporal: body.checks.find((c) => c.name === 'temporal'), ms: Date.now() - started };
  };
  // The operator rotates the frontend's client CA (the server reads its files again every 2 s here).
  copyFileSync(other.caFile, clientCaFile);
  const refused = await waitFor('readiness to report the refused certificate', async () => {
    const r = await readiness();
    return r.status === 503 && r;
  });
  expect(refused.temporal).toMatchObject({ ok: false, code: 'TEMPORAL_TLS_REFUSED' });
  expect(refused.ms).toBeLessThan(3_500);
  // And back: the replica is ready again without a restart.
  copyFileSync(pki.caFile, clientCaFile);
  await waitFor('readiness again', async () => (await readiness()).status === 200);
}, 120_000);
