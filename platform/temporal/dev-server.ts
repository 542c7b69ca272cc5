import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SA_CASE_REF,
  SA_NEXT_DEADLINE,
  SA_OUTCOME,
  SA_PROCESS,
  SA_STEP,
  SA_TENANT,
  SEARCH_ATTRIBUTE_REGISTRATIONS,
} from '../../workflows/search-attributes';
import { TemporalBinariesError } from './binaries';
import type { DevServerProcess } from './dev-server-process';
import { superviseDevServer, type DevServerSupervision } from './dev-server-supervisor';
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
  /** Restart the server when it dies on its own (kill -9, a crash); without it a death is only logged. */
  supervision?: DevServerSupervision;
  /**
   * SQLite's journal for the server's file: `wal` (default) or SQLite's own default `delete`, kept for
   * benchmarks that compare the two. Both commit every transaction durably (synchronous stays FULL).
   */
  journalMode?: 'wal' | 'delete';
  /**
   * Server settings by their dynamic-config key (`--dynamic-config-value KEY=JSON`), e.g.
   * `{ 'history.cacheMaxSize': 20000 }` — for benchmarks that measure what a setting changes.
   */
  dynamicConfig?: Record<string, string | number | boolean>;
  log: {
    info: (obj: object, msg: string) => void;
    warn: (obj: object, msg: string) => void;
    error?: (obj: object, msg: string) => void;
  };
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** The server's Prometheus endpoint (loopback; undefined when the SDK started the server). */
  metricsUrl?: string;
  /** The running server's process id (changes with every restart; undefined while it is down). */
  readonly pid: number | undefined;
  /** Restarts after an unexpected exit, since start. */
  readonly restarts: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The embedded Temporal: the CLI's dev server with its SQLite file under data/, so cases survive
 * a restart. Started by us rather than the SDK because the SDK stops it with SIGKILL and allows
 * only 5 s to come up; we stop it with SIGTERM so it shuts down cleanly, and restart it on the
 * same file and port when it dies (see dev-server-supervisor.ts).
 */
export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const dbFile = path.join(opts.dataDir, 'temporal.sqlite');
  const cliPath = opts.cliPath;
  if (!cliPath) return startWithSdkDownload(opts, dbFile);

  // Chosen once: a restarted server listens where the first one did.
  const [httpPort, metricsPort] = await freePorts(2, [opts.port, ...(opts.uiPort ? [opts.uiPort] : [])]);
  const args = [
    'server',
    'start-dev',
    '--ip',
    HOST,
    '--port',
    String(opts.port),
    '--http-port',
    String(httpPort),
    '--metrics-port',
    String(metricsPort),
    '--db-filename',
    dbFile,
    // A write-ahead log instead of a rollback journal: one file append and one fsync per commit instead of
    // creating, syncing and deleting a journal, and readers (visibility, describe) no longer wait for writers.
    // `synchronous` stays FULL, so a transaction the server has committed survives a power cut too.
    ...sqlitePragmas(opts.journalMode ?? 'wal'),
    ...Object.entries(opts.dynamicConfig ?? {}).flatMap(([key, value]) => [
      '--dynamic-config-value',
      `${key}=${JSON.stringify(value)}`,
    ]),
    '--namespace',
    opts.namespace,
    '--log-level',
    'warn',
    ...SEARCH_ATTRIBUTE_REGISTRATIONS.flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(opts.uiPort ? ['--ui-ip', HOST, '--ui-port', String(opts.uiPort)] : ['--headless']),
    ...(opts.uiPort && opts.codecEndpoint ? ['--ui-codec-endpoint', opts.codecEndpoint] : []),
  ];
  // A product killed with SIGKILL cannot stop its dev server (it runs in its own process group):
  // that server still holds the port and the SQLite file. Stop it before starting ours.
  const pidFile = path.join(opts.dataDir, PID_FILE);
  await stopLeftover(pidFile, dbFile, opts.log);
  const recordPid = (pid: number | undefined) => {
    if (pid) writeFileSync(pidFile, `${pid}\n`);
  };
  const first = await spawnDevServer(cliPath, args, opts.port, recordPid);
  opts.log.info({ port: opts.port, db: dbFile, devServerPid: first.pid }, 'Temporal dev server started');
  const supervisor = superviseDevServer(
    first,
    () => spawnDevServer(cliPath, args, opts.port, recordPid),
    opts.supervision,
    opts.log,
  );
  return {
    address: `${HOST}:${opts.port}`,
    uiUrl: opts.uiPort ? `http://${HOST}:${opts.uiPort}` : undefined,
    metricsUrl: `http://${HOST}:${metricsPort}/metrics`,
    get pid() {
      return supervisor.current()?.pid;
    },
    get restarts() {
      return supervisor.restarts();
    },
    async stop() {
      await supervisor.stop();
      rmSync(pidFile, { force: true });
    },
  };
}

/** The CLI's `--sqlite-pragma` arguments for a journal mode (the mode is stored in the file and kept there). */
export function sqlitePragmas(journalMode: 'wal' | 'delete'): string[] {
  return ['--sqlite-pragma', `journal_mode=${journalMode}`, '--sqlite-pragma', 'synchronous=full'];
}

/** Where the running dev server's process id is kept, beside its SQLite file. */
const PID_FILE = 'temporal-dev-server.pid';

/**
 * Stops the dev server an earlier run left behind, if the pid file names a live process whose
 * command line is a dev server on this very SQLite file (a pid reused by anything else is left alone).
 */
async function stopLeftover(pidFile: string, dbFile: string, log: DevServerOptions['log']): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid) && (commandLineOf(pid) ?? '').includes(dbFile)) {
    log.warn(
      { devServerPid: pid, db: dbFile },
      'a Temporal dev server left behind by an earlier run (stopped with SIGKILL?) still holds the data; stopping it first',
    );
    try {
      process.kill(pid, 'SIGTERM');
      if (!(await exitedWithin(pid, 15_000))) {
        process.kill(pid, 'SIGKILL');
        await exitedWithin(pid, 5_000);
      }
    } catch {
      // Gone meanwhile.
    }
  }
  rmSync(pidFile, { force: true });
}

/** Alive and not a zombie (a container's init may not reap an orphan at once; a zombie holds no port). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return undefined;
    }
  }
}

async function exitedWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** Spawns the CLI and waits (up to 60 s) until it accepts gRPC connections. */
export async function spawnDevServer(
  cliPath: string,
  args: string[],
  port: number,
  onSpawn?: (pid: number | undefined) => void,
): Promise<DevServerProcess> {
  let exited = false;
  // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop Temporal last,
  // after the worker has drained. If we exit any other way, the exit hook still stops it; only
  // SIGKILL skips the hook, and the next start stops the server left behind (stopLeftover).
  const child = spawn(cliPath, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  onSpawn?.(child.pid);
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exitedPromise = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    });
    child.once('error', () => {
      exited = true;
      process.removeListener('exit', killOnExit);
      resolve({ code: null, signal: null });
    });
  });
  try {
    await waitForPort(HOST, port, 60_000, () => !exited);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`Temporal dev server did not start on ${HOST}:${port}: ${(err as Error).message}\n${stderr}`);
  }
  return {
    pid: child.pid as number,
    exited: exitedPromise,
    hasExited: () => exited,
    stderr: () => stderr,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** Last resort on a machine with internet: the SDK downloads and runs the CLI itself (not supervised). */
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
        extraArgs: sqlitePragmas(opts.journalMode ?? 'wal'),
      },
    });
    return { address: `${HOST}:${opts.port}`, pid: undefined, restarts: 0, stop: () => env.teardown() };
  } catch (err) {
    throw new TemporalBinariesError(`The SDK download failed too: ${(err as Error).message}`);
  }
}
