import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { SA_CASE_REF, SA_NEXT_DEADLINE, SA_OUTCOME, SA_PROCESS, SA_STEP, SA_TENANT, SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../workflows/search-attributes';
import { TemporalBinariesError } from './binaries';
import { freePorts, waitForPort } from './free-port';

export interface DevServerOptions {
  /** Temporal CLI binary; undefined lets the SDK download one (needs internet). */
  cliPath?: string;
  dataDir: string;
  port: number;
  namespace: string;
  /** Serve Temporal's web UI on this port (off unless asked: the product has its own monitor). */
  uiPort?: number;
  /** Our codec endpoint, so the Temporal UI can decrypt payloads for signed-in supervisors. */
  codecEndpoint?: string;
  log: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The embedded Temporal: the CLI's dev server with its SQLite file under data/, so cases survive
 * a restart. Started by us rather than the SDK because the SDK stops it with SIGKILL and allows
 * only 5 s to come up; we stop it with SIGTERM so it shuts down cleanly.
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.join(opts.dataDir, 'temporal.sqlite');
  if (!opts.cliPath) return startWithSdkDownload(opts, dbFile);

  const [httpPort, metricsPort] = await freePorts(2, [opts.port, ...(opts.uiPort ? [opts.uiPort] : [])]);
  const args = [
    'server', 'start-dev',
    '--ip', HOST,
    '--port', String(opts.port),
    '--http-port', String(httpPort),
    '--metrics-port', String(metricsPort),
    '--db-filename', dbFile,
    '--namespace', opts.namespace,
    '--log-level', 'warn',
    ...SEARCH_ATTRIBUTE_REGISTRATIONS.flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(opts.uiPort ? ['--ui-ip', HOST, '--ui-port', String(opts.uiPort)] : ['--headless']),
    ...(opts.uiPort && opts.codecEndpoint ? ['--ui-codec-endpoint', opts.codecEndpoint] : []),
  ];
  let exited = false;
  // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop Temporal last,
  // after the worker has drained. If we exit any other way, the exit hook still stops it.
  const child: ChildProcess = spawn(opts.cliPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  try {
    await waitForPort(HOST, opts.port, 60_000, () => !exited);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not start on ${HOST}:${opts.port}: ${(err as Error).message}\n${stderr}`);
  }
  opts.log.info({ port: opts.port, db: dbFile }, 'Temporal dev server started');
  return {
    address: `${HOST}:${opts.port}`,
    uiUrl: opts.uiPort ? `http://${HOST}:${opts.uiPort}` : undefined,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** Last resort on a machine with internet: the SDK downloads and runs the CLI itself. */
async function startWithSdkDownload(opts: DevServerOptions, dbFile: string): Promise<DevServer> {
  opts.log.warn({}, 'No Temporal CLI found; letting the Temporal SDK download it');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        ip: HOST,
        port: opts.port,
        namespace: opts.namespace,
        dbFilename: dbFile,
        ui: Boolean(opts.uiPort),
        uiPort: opts.uiPort,
        searchAttributes: [SA_TENANT, SA_PROCESS, SA_STEP, SA_NEXT_DEADLINE, SA_OUTCOME, SA_CASE_REF],
      },
    });
    return { address: `${HOST}:${opts.port}`, stop: () => env.teardown() };
  } catch (err) {
    throw new TemporalBinariesError(`The SDK download failed too: ${(err as Error).message}`);
  }
}
