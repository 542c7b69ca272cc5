import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { registerSearchAttributes } from './register-search-attributes';
import { loadCodecKeys } from '../codec/codec-keys';
import { EncryptionCodec } from '../codec/encryption-codec';
import type { Config } from '../config';
import type { Log } from '../log';
import type { Metrics } from '../observability/metrics';
import { findTemporalBinaries } from './binaries';
import { startDevServer, type DevServer } from './dev-server';
import { watchTemporalAvailability, type TemporalAvailability } from './temporal-availability';
import { checkTemporalTls, readTemporalTls } from './temporal-tls';
import type { TLSConfig } from '@temporalio/client';

export interface TemporalRuntime {
  client: Client;
  /** The payload codec client and worker use (also served to the Temporal UI by the API). */
  codec: EncryptionCodec;
  address: string;
  devServer?: DevServer;
  /** Deadlines and fast 503s for the Temporal calls of API requests. */
  availability: TemporalAvailability;
  /** The codec as client and workers use it: a worker of this runtime passes it on. */
  dataConverter: DataConverter;
  namespace: string;
  /** A new native connection for a worker (each worker, and each restart of one, gets its own). */
  connectWorker(): Promise<NativeConnection>;
  /**
   * The readiness check: with TLS a handshake first (a refused certificate rejects with a
   * TemporalTlsError, code TEMPORAL_TLS_REFUSED, within 3 s), then the frontend's system info.
   */
  ready(): Promise<void>;
  /** Stops the connections and the embedded dev server; stop workers of this runtime first. */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  log: Log;
  metrics?: Pick<Metrics, 'temporalDevServerRestarts' | 'temporalAvailable'>;
  /** Restart attempts in a row for a dead embedded dev server (default 5). */
  devServerRestarts?: number;
  /** Temporal cannot come back (the dev server's restarts are spent): the process should stop. */
  onFatal?: (err: Error) => void;
}

let sdkLoggerInstalled = false;
/** The SDK logs through our logger, warnings and worse only: its lifecycle chatter is not for operators. */
function installSdkLogger(log: Log): void {
  if (sdkLoggerInstalled) return;
  sdkLoggerInstalled = true;
  try {
    Runtime.install({
      // The SDK would shut every worker down on SIGINT/SIGTERM by itself, at once, racing our own
      // order (drain HTTP first, then the worker): product/main.ts and worker/main.ts handle signals.
      shutdownSignals: [],
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

function nativeConnectionOptions(config: Config, address: string, tls: TLSConfig | undefined) {
  return { address, tls, apiKey: config.temporal.apiKey };
}

function connectionOptions(config: Config, address: string, tls: TLSConfig | undefined) {
  return {
    ...nativeConnectionOptions(config, address, tls),
    // grpc-js backs off up to 120 s between reconnects by default: a restarted server would sit unused.
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 250, 'grpc.max_reconnect_backoff_ms': 2_000 },
  };
}

/** Temporal for this process: the configured cluster, or the embedded (supervised) dev server under data/. */
export async function startTemporalRuntime(opts: RuntimeOptions): Promise<TemporalRuntime> {
  const { config, log } = opts;
  installSdkLogger(log);
  // Certificate files are read once, here: a bad one stops the start with TEMPORAL_TLS_CONFIG_INVALID.
  const tls = config.temporal.address ? readTemporalTls(config.temporal.tls) : undefined;
  let devServer: DevServer | undefined;
  let address = config.temporal.address;
  if (!address) {
    const binaries = findTemporalBinaries({ install: true, log: (line) => log.info({}, line) });
    devServer = await startDevServer({
      cliPath: binaries.cli,
      dataDir: config.dataDir,
      port: config.temporal.devPort,
      namespace: config.temporal.namespace,
      uiPort: config.temporal.uiPort,
      codecEndpoint: config.temporal.uiPort ? `http://localhost:${config.port}/api/v1/codec` : undefined,
      log,
      supervision: {
        maxAttempts: opts.devServerRestarts ?? 5,
        onRestart: ({ ok }) => opts.metrics?.temporalDevServerRestarts.inc({ outcome: ok ? 'ok' : 'failed' }),
        onGiveUp: (err) =>
          opts.onFatal ? opts.onFatal(err) : log.error({ err: err.message }, 'Temporal is gone for good'),
      },
    });
    address = devServer.address;
  }
  const stops: Array<() => Promise<void>> = [];
  try {
    // Personal data in case inputs, events and results is ciphertext in Temporal's history.
    const codec = new EncryptionCodec(loadCodecKeys(config.dataDir));
    const dataConverter: DataConverter = { payloadCodecs: [codec] };
    // A refused certificate is named at once (TEMPORAL_TLS_REFUSED) rather than as the SDK's
    // "failed to connect before the deadline" after 10 s; an unreachable server is the SDK's to report.
    if (tls) await checkTemporalTls(address, tls);
    const connection = await Connection.connect(connectionOptions(config, address, tls));
    stops.unshift(() => connection.close());
    const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter });
    // The probe has no retries of its own: an unreachable server must show at once.
    const probeConnection = Connection.lazy({ ...connectionOptions(config, address, tls), interceptors: [] });
    stops.unshift(() => probeConnection.close());
    const availability = watchTemporalAvailability({
      connection,
      probe: (deadline) =>
        probeConnection.withDeadline(deadline, () => probeConnection.workflowService.getSystemInfo({})),
      log,
      onChange: (up) => opts.metrics?.temporalAvailable.set(up ? 1 : 0),
    });
    stops.unshift(() => {
      availability.stop();
      return Promise.resolve();
    });
    await registerSearchAttributes(connection, config.temporal.namespace).catch((err: Error) => {
      // A managed cluster may not let this identity register attributes: they must exist already.
      log.warn({ err: err.message }, 'could not register search attributes; make sure they exist on the cluster');
    });

    const serverAddress = address;
    return {
      client,
      codec,
      address,
      devServer,
      availability,
      dataConverter,
      namespace: config.temporal.namespace,
      connectWorker: () => NativeConnection.connect(nativeConnectionOptions(config, serverAddress, tls)),
      async ready() {
        if (tls) {
          const check = await checkTemporalTls(serverAddress, tls);
          if (!check.ok)
            throw Object.assign(new Error(`Temporal (${serverAddress}) is unreachable: ${check.reason}`), {
              code: 'TEMPORAL_UNAVAILABLE',
            });
        }
        await client.workflowService.getSystemInfo({});
      },
      async stop() {
        for (const stop of stops) await stop().catch((err: unknown) => log.warn({ err }, 'while stopping Temporal'));
        await devServer?.stop();
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    await devServer?.stop();
    throw err;
  }
}
