import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { insertApiKey } from '../../services/auth/api-keys';
import { PERMISSIONS, type Permission } from '../../services/auth/roles';
import { createTenant } from '../../services/auth/tenant-admin';
import { loadConfig } from '../../platform/config';
import { createLog, type Log } from '../../platform/log';
import { startProduct as startWholeProduct, type Product } from '../../product/product';
import { freePort } from '../../platform/temporal/free-port';
import type { TemporalRuntime } from '../../platform/temporal/runtime';

export const TEST_TENANT = 'GM0363';
export const OTHER_TENANT = 'GM0344';
export const ADMIN_PASSWORD = 'Test-beheerder-wachtwoord-2026';

export interface RunningProduct {
  app: Express;
  runtime: TemporalRuntime;
  product: Product;
  dataDir: string;
  /** The worker's task queue (each test product has its own). */
  taskQueue: string;
  /** Authorization headers of an API key of TEST_TENANT with every permission. */
  auth: Record<string, string>;
  /** The same for a key of OTHER_TENANT. */
  otherTenantAuth: Record<string, string>;
  apiKey(tenant: string, permissions: Permission[]): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'doorstroom-test-'));
}

/** Environment of a product on `dataDir`: embedded Temporal on a free port, SQLite, a known admin. */
export async function productEnv(dataDir: string): Promise<Record<string, string>> {
  return {
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `test-${path.basename(dataDir)}`,
    DOORSTROOM_TENANT: TEST_TENANT,
    DOORSTROOM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DOORSTROOM_ADMIN_TENANT_NAME: 'Gemeente Amsterdam',
    DOORSTROOM_COOKIE_SECURE: 'false',
  };
}

/** The real product in-process (server/product.ts, as npm start builds it) on a fresh data directory. */
export async function startProduct(
  dataDir = tempDataDir(),
  opts: { uiDir?: string; env?: Record<string, string>; log?: Log } = {},
): Promise<RunningProduct> {
  const env = { ...process.env, ...(await productEnv(dataDir)), ...opts.env };
  const product = await startWholeProduct({
    config: loadConfig(env),
    log: opts.log ?? createLog('error', process.stderr),
    env,
    uiDir: opts.uiDir ?? false,
  });
  await createTenant(product.storeDeps, { kind: 'system', id: 'test' }, { id: OTHER_TENANT, name: 'Gemeente Utrecht' });
  const apiKey = async (tenant: string, permissions: Permission[]) => {
    const { secret } = await insertApiKey(
      product.store.db,
      { tenantId: tenant, name: `test-${permissions.length}`, permissions, createdBy: 'test' },
      new Date().toISOString(),
    );
    return { Authorization: `Bearer ${secret}` };
  };
  return {
    app: product.app,
    runtime: product.runtime,
    product,
    dataDir,
    taskQueue: env.TEMPORAL_TASK_QUEUE as string,
    auth: await apiKey(TEST_TENANT, [...PERMISSIONS]),
    otherTenantAuth: await apiKey(OTHER_TENANT, [...PERMISSIONS]),
    apiKey,
    stop: () => product.stop(),
  };
}

/** Polls `fn` until it returns a truthy value (visibility is eventually consistent). */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('eventually: condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
