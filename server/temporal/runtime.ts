import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../../workflows/activities';
import { registerSearchAttributes } from './register-search-attributes';
import { workerOptions } from '../../workflows/worker-options';
import { loadCodecKeys } from '../codec/codec-keys';
import { EncryptionCodec } from '../codec/encryption-codec';
import type { Config } from '../config';
import type { Log } from '../log';
import { findTemporalBinaries } from './binaries';
import { startDevServer, type DevServer } from './dev-server';

export interface TemporalRuntime {
  client: Client;
  /** The payload codec client and worker use (also served to the Temporal UI by the API). */
  codec: EncryptionCodec;
  address: string;
  devServer?: DevServer;
  /** Stops the worker, the connections and the embedded dev server, in that order. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  log: Log;
  /** Run a worker in this process (npm start does; a server replica beside separate workers does not). */
  worker: boolean;
  activityDeps?: Partial<ActivityDeps>;
  /** Activities beside the interpreter's (webhook delivery). */
  extraActivities?: object;
}

let sdkLoggerInstalled = false;
/** The SDK logs through our logger, warnings and worse only: its lifecycle chatter is not for operators. */
function installSdkLogger(log: Log): void {
  if (sdkLoggerInstalled) return;
  sdkLoggerInstalled = true;
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN', (entry) => {
        const fields = { sdk: true, ...(entry.meta ?? {}) };
        if (entry.level === 'ERROR') log.error(fields, entry.message);
        else log.warn(fields, entry.message);
      }),
    });
  } catch {
    // A runtime exists already (tests install their own): keep it.
  }
}

function connectionOptions(config: Config, address: string) {
  return { address, tls: config.temporal.tls ? {} : undefined, apiKey: config.temporal.apiKey };
}

/** Temporal for this process: the configured cluster, or the embedded dev server under data/. */
export async function startTemporalRuntime(opts: RuntimeOptions): Promise<TemporalRuntime> {
  const { config, log } = opts;
  installSdkLogger(log);
  let devServer: DevServer | undefined;
  let address = config.temporal.address;
  if (!address) {
    const binaries = await findTemporalBinaries({ install: true, log: (line) => log.info({}, line) });
    devServer = await startDevServer({
      cliPath: binaries.cli,
      dataDir: config.dataDir,
      port: config.temporal.devPort,
      namespace: config.temporal.namespace,
      uiPort: config.temporal.uiPort,
      codecEndpoint: config.temporal.uiPort ? `http://localhost:${config.port}/api/v1/codec` : undefined,
      log,
    });
    address = devServer.address;
  }
  const stops: Array<() => Promise<void>> = [];
  try {
    // Personal data in case inputs, events and results is ciphertext in Temporal's history.
    const codec = new EncryptionCodec(loadCodecKeys(config.dataDir));
    const dataConverter = { payloadCodecs: [codec] };
    const connection = await Connection.connect(connectionOptions(config, address));
    stops.unshift(() => connection.close());
    const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter });
    await registerSearchAttributes(connection, config.temporal.namespace).catch((err: Error) => {
      // A managed cluster may not let this identity register attributes: they must exist already.
      log.warn({ err: err.message }, 'could not register search attributes; make sure they exist on the cluster');
    });

    if (opts.worker) {
      const nativeConnection = await NativeConnection.connect(connectionOptions(config, address));
      const worker = await Worker.create({
        connection: nativeConnection,
        namespace: config.temporal.namespace,
        dataConverter,
        maxCachedWorkflows: config.temporal.maxCachedWorkflows,
        ...workerOptions({ log, ...opts.activityDeps }, config.temporal.taskQueue, opts.extraActivities),
      });
      const running = worker.run();
      stops.unshift(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running.catch((err: unknown) => log.error({ err }, 'worker stopped with an error'));
        await nativeConnection.close();
      });
    }
    return {
      client,
      codec,
      address,
      devServer,
      async stop() {
        for (const stop of stops) await stop();
        await devServer?.stop();
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    await devServer?.stop();
    throw err;
  }
}
