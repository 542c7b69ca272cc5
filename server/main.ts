import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from './app';
import { loadIdSecret } from './cases/case-id';
import { createCaseService } from './cases/case-service';
import { builtInDefinitionSource } from './cases/definition-source';
import { loadConfig } from './config';
import { createLog } from './log';
import { PROJECT_ROOT } from './temporal/binaries';
import { startTemporalRuntime } from './temporal/runtime';

/** `npm start`: embedded Temporal (unless TEMPORAL_ADDRESS), a worker, and the API + UI on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const runtime = await startTemporalRuntime({ config, log, worker: true });
  const cases = createCaseService({
    client: runtime.client,
    taskQueue: config.temporal.taskQueue,
    idSecret: loadIdSecret(config.dataDir, config.idSecret),
    definitions: builtInDefinitionSource,
  });
  const app = createApp({ cases, tenantOf: () => config.defaultTenant, log, uiDir: path.join(PROJECT_ROOT, 'ui', 'dist') });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });

  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nDoorstroom draait: ${url}  (API: ${url}/api/v1)`);
  console.log(`Temporal: ${runtime.address}${runtime.devServer ? ' (ingebouwde dev-server, data in ' + config.dataDir + ')' : ''}`);
  if (runtime.devServer?.uiUrl) console.log(`Temporal UI: ${runtime.devServer.uiUrl}`);
  console.log('Stoppen: Ctrl-C\n');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.stop();
    log.info({}, 'stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop(signal).catch((err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
    });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
