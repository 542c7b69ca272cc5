import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { freePorts, waitForPort } from '../../platform/temporal/free-port';
import {
  ensureTemporalServer,
  TEMPORAL_SCHEMA_VERSION,
  TEMPORAL_VISIBILITY_SCHEMA_VERSION,
} from '../../scripts/temporal-server';

const ROOT = path.resolve(__dirname, '..', '..');
export const CLUSTER_CONFIG = path.join(ROOT, 'deploy', 'temporal', 'config.yaml');
export const CLUSTER_DYNAMIC_CONFIG = path.join(ROOT, 'deploy', 'temporal', 'dynamicconfig.yaml');

const PG_USER = 'doorstroom';
const PG_PASSWORD = 'doorstroom-cluster';

/** PostgreSQL's binaries: on PATH (`/usr/local/bin/initdb`) or Debian's versioned directory. */
function pgBin(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(base, v, 'bin', name))) return path.join(base, v, 'bin', name);
  throw new Error(`PostgreSQL's ${name} is not installed (apt-get install postgresql)`);
}

/** PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` OS user. */
function asPg(cmd: string, args: string[]): { cmd: string; args: string[] } {
  return process.getuid?.() === 0 ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Free ports below 32768: Temporal stores membership ports in a PostgreSQL smallint
 * (cluster_membership.rpc_port), and the OS's ephemeral ports (32768 and up) do not fit.
 */
async function freeLowPorts(count: number): Promise<number[]> {
  const net = await import('node:net');
  const servers: import('node:net').Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (ports.includes(port)) continue;
      const srv = net.createServer();
      const ok = await new Promise<boolean>((resolve) => {
        srv.once('error', () => resolve(false));
        srv.listen(port, '127.0.0.1', () => resolve(true));
      });
      if (ok) {
        servers.push(srv);
        ports.push(port);
      }
    }
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
  return ports;
}

export interface TemporalCluster {
  /** gRPC address of the frontend (`127.0.0.1:port`). */
  address: string;
  namespace: string;
  /** A fresh, empty Doorstroom store database on the cluster's PostgreSQL. */
  createStoreDatabase(name: string): Promise<string>;
  /** Admin URL of the PostgreSQL server (user doorstroom, database postgres). */
  postgresUrl: string;
  /** The Temporal server's Prometheus endpoint. */
  metricsUrl: string;
  /** The Temporal server's process (for its threads' CPU in bench:workflows). */
  serverPid: number | undefined;
  /** Server and PostgreSQL output so far (for failures). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A Temporal cluster as an operator runs one, on this machine: a PostgreSQL server of its own
 * (random port, thrown away afterwards), Temporal's persistence and visibility schemas set up with
 * temporal-sql-tool (PostgreSQL 12+ plugin), the Temporal server (`cmd/server`, all four services)
 * with deploy/temporal/config.yaml on random ports, and the namespace registered.
 */
export async function startTemporalCluster(
  opts: {
    namespace?: string;
    /** More of the config template's variables (e.g. the frontend's TLS: TEMPORAL_FRONTEND_TLS_*). */
    serverEnv?: Record<string, string>;
    /** How the helper itself connects (to register the namespace) when the frontend speaks TLS. */
    tls?: TLSConfig;
  } = {},
): Promise<TemporalCluster> {
  const namespace = opts.namespace ?? 'doorstroom';
  const binaries = ensureTemporalServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'doorstroom-cluster-'));
  const pgData = path.join(dir, 'pg');
  const stops: Array<() => Promise<void> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  let serverOut = '';
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    if (process.getuid?.() === 0) chownSync(dir, Number(run('id', ['-u', 'postgres']).trim()), 0);
    const [pgPort, ...ports] = await freePorts(7);
    const p = [...ports.slice(0, 5), ...(await freeLowPorts(4)), ports[5] as number];
    // PostgreSQL, trust on the socket, passwords on TCP (like a real server).
    const pwfile = path.join(dir, 'pw');
    writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o644 });
    const init = asPg(pgBin('initdb'), [
      '-D',
      pgData,
      '-U',
      PG_USER,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      `--pwfile=${pwfile}`,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    run(init.cmd, init.args);
    const start = asPg(pgBin('pg_ctl'), [
      '-D',
      pgData,
      '-l',
      path.join(dir, 'pg.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
      'start',
    ]);
    run(start.cmd, start.args);
    stops.push(() => {
      const stop = asPg(pgBin('pg_ctl'), ['-D', pgData, '-m', 'fast', '-w', 'stop']);
      spawnSync(stop.cmd, stop.args);
    });
    const postgresUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/postgres`;

    // Temporal's schemas, with the tool an operator uses.
    const sqlEnv = {
      ...process.env,
      SQL_PLUGIN: 'postgres12',
      SQL_HOST: '127.0.0.1',
      SQL_PORT: String(pgPort),
      SQL_USER: PG_USER,
      SQL_PASSWORD: PG_PASSWORD,
    };
    for (const [db, schema, version] of [
      ['temporal', 'postgresql/v12/temporal', TEMPORAL_SCHEMA_VERSION],
      ['temporal_visibility', 'postgresql/v12/visibility', TEMPORAL_VISIBILITY_SCHEMA_VERSION],
    ] as const) {
      run(binaries.sql, ['--db', db, 'create-database'], sqlEnv);
      run(binaries.sql, ['--db', db, 'setup-schema', '--schema-name', schema, '--version', version], sqlEnv);
    }

    // The server, on random ports, with the repository's config file.
    const [frontend, http, history, matching, worker, fm, hm, mm, wm, metrics] = p as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const server: ChildProcess = spawn(binaries.server, ['--config-file', CLUSTER_CONFIG, 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        POSTGRES_HOST: '127.0.0.1',
        POSTGRES_PORT: String(pgPort),
        POSTGRES_USER: PG_USER,
        POSTGRES_PWD: PG_PASSWORD,
        TEMPORAL_FRONTEND_PORT: String(frontend),
        TEMPORAL_FRONTEND_HTTP_PORT: String(http),
        TEMPORAL_HISTORY_PORT: String(history),
        TEMPORAL_MATCHING_PORT: String(matching),
        TEMPORAL_WORKER_PORT: String(worker),
        TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(fm),
        TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(hm),
        TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(mm),
        TEMPORAL_WORKER_MEMBERSHIP_PORT: String(wm),
        TEMPORAL_METRICS_PORT: String(metrics),
        TEMPORAL_DYNAMIC_CONFIG_FILE: CLUSTER_DYNAMIC_CONFIG,
        TEMPORAL_LOG_LEVEL: process.env.TEMPORAL_LOG_LEVEL ?? 'warn',
        ...opts.serverEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (c: Buffer) => (serverOut = (serverOut + c.toString()).slice(-20_000)));
    server.stderr?.on('data', (c: Buffer) => (serverOut = (serverOut + c.toString()).slice(-20_000)));
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    stops.push(async () => {
      if (server.exitCode === null) server.kill('SIGTERM');
      const t = setTimeout(() => server.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(t);
    });
    const address = `127.0.0.1:${frontend}`;
    await waitForPort('127.0.0.1', frontend, 120_000, () => server.exitCode === null).catch((err: Error) => {
      throw new Error(`the Temporal server did not start: ${err.message}\n${serverOut}`);
    });

    // The namespace, as `temporal operator namespace create` would (30 days' retention of closed cases).
    const connection = await Connection.connect({ address, tls: opts.tls });
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          await connection.workflowService.registerNamespace({
            namespace,
            workflowExecutionRetentionPeriod: msToTs('30 days'),
          });
          break;
        } catch (err) {
          if (/already exists/i.test((err as Error).message)) break;
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      // The namespace cache of the frontend refreshes every few seconds: wait until it answers.
      for (;;) {
        try {
          await connection.workflowService.describeNamespace({ namespace });
          await connection.operatorService.listSearchAttributes({ namespace });
          break;
        } catch (err) {
          if (Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    } finally {
      await connection.close();
    }

    return {
      address,
      namespace,
      postgresUrl,
      metricsUrl: `http://127.0.0.1:${metrics}/metrics`,
      serverPid: server.pid,
      async createStoreDatabase(name: string) {
        const admin = new PgClient({ connectionString: postgresUrl });
        await admin.connect();
        try {
          await admin.query(`CREATE DATABASE ${name}`);
        } finally {
          await admin.end();
        }
        const url = new URL(postgresUrl);
        url.pathname = `/${name}`;
        return url.toString();
      },
      output: () => serverOut,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    if (serverOut) (err as Error).message += `\nTemporal server output:\n${serverOut}`;
    throw err;
  }
}
