import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnProduct, type ProductProcess } from '../../support/product-process';
import { ADMIN_PASSWORD, TEST_TENANT } from '../../support/runtime';
import type { TemporalCluster } from '../../support/temporal-cluster';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The settings every process of one deployment shares (docs/deployment.md): the cluster, the
 * namespace, the store, and the secrets — the codec key ring and the case-id secret must be the same
 * in every replica and worker, or one replica cannot read what another wrote.
 */
export async function deploymentEnv(cluster: TemporalCluster, extra: Record<string, string> = {}) {
  const databaseUrl = await cluster.createStoreDatabase(`doorstroom_${randomBytes(4).toString('hex')}`);
  return {
    TEMPORAL_ADDRESS: cluster.address,
    TEMPORAL_NAMESPACE: cluster.namespace,
    TEMPORAL_TASK_QUEUE: 'doorstroom',
    DATABASE_URL: databaseUrl,
    DOORSTROOM_CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    DOORSTROOM_ID_SECRET: randomBytes(32).toString('hex'),
    DOORSTROOM_TENANT: TEST_TENANT,
    DOORSTROOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DOORSTROOM_ADMIN_TENANT_NAME: 'Gemeente Amsterdam',
    DOORSTROOM_COOKIE_SECURE: 'false',
    DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/** An API replica: `npm start` with DOORSTROOM_WORKER=false, its own (empty) data directory. */
export function startReplica(env: Record<string, string>): Promise<ProductProcess> {
  return spawnProduct({
    ...env,
    DOORSTROOM_WORKER: 'false',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'doorstroom-replica-')),
  });
}

export interface WorkerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the worker logs that it runs. */
  ready: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A worker: `npm run worker`'s entry as its own OS process. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      LOG_LEVEL: 'info',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'doorstroom-worker-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes('"worker running"')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exit.then((code) => reject(new Error(`worker exited (${code}) before it ran:\n${out}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    output: () => out,
    ready,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}
