import { loadConfig } from '../server/config';
import { createLog } from '../server/log';
import { startTemporalRuntime } from '../server/temporal/runtime';

/** `npm run worker`: one more worker for the configured cluster (scale out by running more). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.temporal.address) {
    throw new Error('npm run worker needs TEMPORAL_ADDRESS (a worker alone serves a cluster; npm start runs everything embedded).');
  }
  const log = createLog(config.logLevel);
  const runtime = await startTemporalRuntime({ config, log, worker: true });
  log.info({ address: runtime.address, taskQueue: config.temporal.taskQueue }, 'worker running');
  const stop = (): void => {
    runtime.stop().then(() => process.exit(0), (err: unknown) => {
      log.error({ err }, 'error while stopping');
      process.exit(1);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
