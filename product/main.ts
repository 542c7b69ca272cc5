import { loadConfig } from '../platform/config';
import { listenDrainable, type DrainableServer } from '../server/http-server';
import { createLog } from '../platform/log';
import { startProduct, type Product } from './product';

/** In-flight requests get this long to finish after SIGTERM/SIGINT (a load balancer's usual grace is 30 s). */
const DRAIN_MS = 10_000;
/** If stopping takes longer than this, something hangs: exit non-zero rather than linger. */
const STOP_LIMIT_MS = 45_000;

/** `npm start`: store, embedded Temporal (unless TEMPORAL_ADDRESS), a worker, and the API + UI on PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  // Filled in as start-up goes; a stop at any moment stops what is there.
  const running: { product?: Product; http?: DrainableServer } = {};
  let stopping: Promise<void> | undefined;

  // Order: stop accepting and drain HTTP, then the worker, the client connection, and the dev server last.
  const stop = (reason: string, exitCode: number): Promise<void> => {
    stopping ??= (async () => {
      log.info({ reason }, 'stopping');
      const force = setTimeout(() => {
        log.error({ limitMs: STOP_LIMIT_MS }, 'stopping takes too long; exiting');
        process.exit(1);
      }, STOP_LIMIT_MS);
      force.unref();
      try {
        if (running.http) {
          const unfinished = await running.http.close(DRAIN_MS);
          if (unfinished > 0)
            log.warn({ unfinished, drainMs: DRAIN_MS }, 'requests still running after the drain time were cut off');
        }
        await running.product?.stop();
        log.info({}, 'stopped');
      } catch (err) {
        log.error({ err }, 'error while stopping');
        exitCode = 1;
      }
      process.exit(exitCode);
    })();
    return stopping;
  };
  // Registered before anything starts: a signal during start-up still stops what was started.
  let signalled: string | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return void log.info({ signal }, 'already stopping');
      if (!running.product) {
        signalled = signal;
        return;
      }
      void stop(signal, 0);
    });
  }

  const product = await startProduct({
    config,
    log,
    onFatal: (err) => {
      console.error(`\n${err.message}\nDoorstroom stopt (stopping).`);
      log.error({ err: err.message }, 'Temporal is gone; stopping');
      void stop('temporal-gone', 1);
    },
  });
  running.product = product;
  if (signalled) return void stop(signalled, 0);
  running.http = await listenDrainable(product.app, config.port, config.host);

  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nDoorstroom draait: ${url}  (API: ${url}/api/v1, documentatie: ${url}/api/docs)`);
  console.log(
    `Temporal: ${product.runtime.address}${product.runtime.devServer ? ` (ingebouwde dev-server, data in ${config.dataDir})` : ''}`,
  );
  console.log(
    `Opslag: ${product.store.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'SQLite in ' + config.dataDir}`,
  );
  if (product.runtime.devServer?.uiUrl) console.log(`Temporal UI: ${product.runtime.devServer.uiUrl}`);
  if (!config.metricsToken) {
    console.log(
      `Let op: ${url}/metrics is zonder token te lezen; zet METRICS_TOKEN (metrics are open without a token; set METRICS_TOKEN).`,
    );
  }
  if (product.bootstrapMessage) console.log(`\n${product.bootstrapMessage}`);
  console.log('\nStoppen: Ctrl-C\n');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
