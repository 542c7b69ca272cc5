import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { loadIdSecret } from '../../server/cases/case-id';
import { createCaseService } from '../../server/cases/case-service';
import { builtInDefinitionSource } from '../../server/cases/definition-source';
import { loadConfig } from '../../server/config';
import { createLog } from '../../server/log';
import { freePort } from '../../server/temporal/free-port';
import { startTemporalRuntime, type TemporalRuntime } from '../../server/temporal/runtime';

export const TEST_TENANT = 'GM0363';

export interface RunningProduct {
  app: Express;
  runtime: TemporalRuntime;
  dataDir: string;
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'doorstroom-test-'));
}

/** The real product in-process: the embedded dev server on `dataDir`, a worker and the app. */
export async function startProduct(dataDir = tempDataDir(), opts: { uiDir?: string } = {}): Promise<RunningProduct> {
  const config = loadConfig({ ...process.env, TEMPORAL_ADDRESS: '', DATA_DIR: dataDir, TEMPORAL_DEV_PORT: String(await freePort()), DOORSTROOM_TENANT: TEST_TENANT, TEMPORAL_TASK_QUEUE: `test-${path.basename(dataDir)}` });
  const log = createLog('error');
  const runtime = await startTemporalRuntime({ config, log, worker: true });
  const cases = createCaseService({
    client: runtime.client,
    taskQueue: config.temporal.taskQueue,
    idSecret: loadIdSecret(dataDir),
    definitions: builtInDefinitionSource,
  });
  const app = createApp({ cases, tenantOf: () => TEST_TENANT, log, uiDir: opts.uiDir });
  return { app, runtime, dataDir, stop: () => runtime.stop() };
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
