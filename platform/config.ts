import path from 'node:path';
import { PROJECT_ROOT } from './temporal/binaries';
import { MAX_WORKER_SHARDS } from './temporal/worker-shards';
import { temporalTlsSettingsFromEnv, type TemporalTlsSettings } from './temporal/temporal-tls';

/** All configuration comes from the environment; every variable is documented in the README. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: string;
  temporal: {
    /** Unset: start the embedded dev server. */
    address?: string;
    namespace: string;
    taskQueue: string;
    devPort: number;
    uiPort?: number;
    /**
     * DOORSTROOM_TEMPORAL_UI_ORIGINS: origins of a Temporal Web UI run apart (a cluster's), comma-separated,
     * whose codec calls may carry the session cookie (CORS with credentials); the embedded UI's are added.
     */
    uiOrigins: string[];
    /** TLS towards a cluster: on with TEMPORAL_TLS, a CA, a client certificate (mTLS), a server name or an API key. */
    tls: TemporalTlsSettings;
    apiKey?: string;
    /** Cases a worker process keeps in memory between events (~100 kB each); more are replayed from history. */
    maxCachedWorkflows: number;
    /**
     * TEMPORAL_WORKER_SHARDS: SDK workers in one worker process, each holding its share of the cached cases
     * (platform/temporal/worker-shards.ts); default 1, at most 8.
     */
    workerShards: number;
  };
  defaultTenant: string;
  idSecret?: string;
  rateLimitPerMinute: number;
  /** METRICS_TOKEN: the bearer token /metrics asks for (Prometheus' scrape `authorization`); unset, /metrics is open. */
  metricsToken?: string;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Config: ${name}=${raw} is not a port number`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const tenant = env.DOORSTROOM_TENANT ?? 'GM0000';
  if (!/^GM\d{4}$/.test(tenant))
    throw new Error(`Config: DOORSTROOM_TENANT=${tenant} is not a CBS municipality code like GM0363`);
  const ui = env.TEMPORAL_UI === 'true' || env.TEMPORAL_UI === '1';
  return {
    port: int('PORT', 3000, env),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(PROJECT_ROOT, 'data')),
    logLevel: env.LOG_LEVEL ?? 'info',
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      namespace: env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'doorstroom',
      devPort: int('TEMPORAL_DEV_PORT', 7233, env),
      uiPort: ui ? int('TEMPORAL_UI_PORT', 8233, env) : undefined,
      uiOrigins: (env.DOORSTROOM_TEMPORAL_UI_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
      tls: temporalTlsSettingsFromEnv(env),
      apiKey: env.TEMPORAL_API_KEY || undefined,
      maxCachedWorkflows: env.TEMPORAL_MAX_CACHED_WORKFLOWS
        ? Math.max(0, Number(env.TEMPORAL_MAX_CACHED_WORKFLOWS) || 0)
        : 2000,
      workerShards: workerShardsFromEnv(env),
    },
    defaultTenant: tenant,
    idSecret: env.DOORSTROOM_ID_SECRET || undefined,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ? Math.max(1, Number(env.RATE_LIMIT_PER_MINUTE) || 600) : 600,
    metricsToken: metricsToken(env),
  };
}

/** A guessable token guards nothing: at least 32 characters (`openssl rand -hex 32` gives 64), no white space. */
function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32 || /\s/.test(raw))
    throw new Error(
      'Config: METRICS_TOKEN must be at least 32 characters without spaces (e.g. `openssl rand -hex 32`)',
    );
  return raw;
}

/** TEMPORAL_WORKER_SHARDS: a whole number 1–8; unset, 1. */
function workerShardsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.TEMPORAL_WORKER_SHARDS;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKER_SHARDS)
    throw new Error(`Config: TEMPORAL_WORKER_SHARDS=${raw} is not a whole number from 1 to ${MAX_WORKER_SHARDS}`);
  return n;
}
