import type { Server } from 'node:http';
import { loadConfig } from './config';
import { createLog } from './log';
import { startProduct } from './product';

/** `npm start`: store, embedded Temporal (unless TEMPORAL_ADDRESS), a worker, and the API + UI on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const product = await startProduct({ config, log });
  const server: Server = await new Promise((resolve, reject) => {
    const s = product.app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });

  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nDoorstroom draait: ${url}  (API: ${url}/api/v1, documentatie: ${url}/api/docs)`);
  console.log(`Temporal: ${product.runtime.address}${product.runtime.devServer ? ` (ingebouwde dev-server, data in ${config.dataDir})` : ''}`);
  console.log(`Opslag: ${product.store.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'SQLite in ' + config.dataDir}`);
  if (product.runtime.devServer?.uiUrl) console.log(`Temporal UI: ${product.runtime.devServer.uiUrl}`);
  if (product.bootstrapMessage) console.log(`\n${product.bootstrapMessage}`);
  console.log('\nStoppen: Ctrl-C\n');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await product.stop();
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
