import { loadConfig } from '../platform/config';
import { createLog } from '../platform/log';
import { systemClock } from '../platform/store/clock';
import { loadIdSecret } from '../services/cases/case-id';
import { createStore, storeConfigFromEnv, storeKeyRingFromEnv } from '../platform/store/create-store';
import { startTemporalRuntime } from '../platform/temporal/runtime';
import { createActivityRegistry } from './activity-registry';
import { startWorker } from './start-worker';
import { storeActivityDeps } from './store-activity-deps';

/** `npm run worker`: one more worker for the configured cluster and store (scale out by running more). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.temporal.address) {
    throw new Error(
      'npm run worker needs TEMPORAL_ADDRESS (a worker alone serves a cluster; npm start runs everything embedded).',
    );
  }
  const log = createLog(config.logLevel);
  const store = createStore({
    ...storeConfigFromEnv(process.env, config.dataDir),
    keyRing: storeKeyRingFromEnv(process.env, config.dataDir),
  });
  await store.migrate();
  const runtime = await startTemporalRuntime({ config, log });
  const activities = createActivityRegistry(
    storeActivityDeps(store, {
      log,
      clock: systemClock,
      idSecret: loadIdSecret(config.dataDir, config.idSecret),
    }),
  );
  const worker = await startWorker({ runtime, config, log, activities }).catch(async (err: unknown) => {
    await runtime.stop();
    throw err;
  });
  log.info({ address: runtime.address, taskQueue: config.temporal.taskQueue }, 'worker running');
  const stop = (): void => {
    worker
      .stop()
      .then(() => runtime.stop())
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
