import path from 'node:path';
import type { Express } from 'express';
import {
  authConfigFromEnv,
  bootstrapAdmin,
  bootstrapMessage,
  bootstrapOptionsFromEnv,
  type AuthConfig,
} from '../server/auth';
import { createApp } from '../server/app';
import { caseIdFor, loadIdSecret } from '../services/cases/case-id';
import { createCaseService, type CaseService } from '../services/cases/case-service';
import type { Config } from '../platform/config';
import type { Log } from '../platform/log';
import { reconcileDigestSchedules } from '../services/alerts/alert-config';
import { createDigestScheduler } from '../services/alerts/digest-schedule';
import { smtpConfigFromEnv } from '../services/alerts/smtp';
import { createLiveHub } from '../services/monitor/live-hub';
import { createMetrics } from '../platform/observability/metrics';
import { storeDeps, type StoreDeps } from '../server/routes/store-router';
import { oidcOptionsFromEnv } from '../services/auth/oidc/oidc-options-from-env';
import { systemClock, type Clock } from '../platform/store/clock';
import { createStore, storeConfigFromEnv, storeKeyRingFromEnv, type Store } from '../platform/store/create-store';
import { PROJECT_ROOT } from '../platform/temporal/binaries';
import { startTemporalRuntime, type TemporalRuntime } from '../platform/temporal/runtime';
import { validateArtifactContent } from '../services/wiring/content-validator';
import { seedsFor } from '../services/wiring/seeds';
import { caseEventSubscriptions } from '../services/webhooks/subscriptions';
import { createNotificationWorkflows } from '../services/notificaties/notification-workflows';
import { createActivityRegistry } from '../worker/activity-registry';
import { startWorker, type RunningWorker } from '../worker/start-worker';
import { storeActivityDeps } from '../worker/store-activity-deps';
import { assertCanSign } from '../services/besluiten/assert-can-sign';
import { collectRecordedDecisions } from '../services/simulation/collect-recorded-decisions';
import { storeDefinitionSource } from '../services/wiring/store-sources';

export interface Product {
  app: Express;
  store: Store;
  storeDeps: StoreDeps;
  runtime: TemporalRuntime;
  cases: CaseService;
  /** Printed once on first start: the administrator's one-time password. */
  bootstrapMessage?: string;
  stop(): Promise<void>;
}

export interface ProductOptions {
  config: Config;
  log: Log;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  auth?: Partial<AuthConfig>;
  /** Serve the built UI (npm start does). */
  uiDir?: string | false;
  /** Temporal is gone for good (the embedded server's restarts are spent): main.ts stops with exit code 1. */
  onFatal?: (err: Error) => void;
}

/**
 * The whole product in one process, as `npm start` runs it: store (migrated), first-start
 * administrator, Temporal (embedded or cluster) with a worker, and the express app.
 */
export async function startProduct(opts: ProductOptions): Promise<Product> {
  const { config, log } = opts;
  const env = opts.env ?? process.env;
  const clock = opts.clock ?? systemClock;
  const store = createStore({
    ...storeConfigFromEnv(env, config.dataDir),
    keyRing: storeKeyRingFromEnv(env, config.dataDir),
  });
  let runtime: TemporalRuntime | undefined;
  let worker: RunningWorker | undefined;
  try {
    await store.migrate();
    const deps = {
      ...storeDeps({
        store,
        clock,
        auth: { ...authConfigFromEnv(env), ...opts.auth },
        validateContent: validateArtifactContent,
        seeds: seedsFor,
      }),
      // Sign-in through each municipality's identity provider (OpenID Connect).
      oidc: oidcOptionsFromEnv(store, config.dataDir, env),
    };
    const boot = await bootstrapAdmin(deps, bootstrapOptionsFromEnv(env));
    const metrics = createMetrics();
    const started = await startTemporalRuntime({
      config,
      log,
      metrics,
      devServerRestarts: restartAttempts(env.TEMPORAL_DEV_RESTART_ATTEMPTS),
      onFatal: opts.onFatal,
    });
    runtime = started;
    // DOORSTROOM_WORKER=false: an API replica beside separate `npm run worker` processes.
    if (env.DOORSTROOM_WORKER !== 'false') {
      const activities = createActivityRegistry(
        storeActivityDeps(store, {
          log,
          clock,
          metrics,
          env,
          idSecret: loadIdSecret(config.dataDir, config.idSecret),
        }),
      );
      worker = await startWorker({ runtime: started, config, log, activities, metrics });
    }
    const runningWorker = worker;
    const idSecret = loadIdSecret(config.dataDir, config.idSecret);
    const cases = createCaseService({
      client: started.client,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      idSecret,
      definitions: storeDefinitionSource(store, clock),
      temporal: started.availability,
      // A case starts knowing its municipality's webhook subscriptions: no case-event activity where nobody listens.
      caseEvents: (tenant) => caseEventSubscriptions(store.db, tenant, clock()),
    });
    const scheduler = createDigestScheduler({ client: started.client, taskQueue: config.temporal.taskQueue });
    // Schedules live in Temporal; after a restore or a new cluster they are made again from the store.
    await reconcileDigestSchedules(store.db, scheduler);
    const hub = createLiveHub({ client: started.client, namespace: config.temporal.namespace });
    const app = createApp({
      store: deps,
      cases,
      alerts: { scheduler, emailAvailable: smtpConfigFromEnv(env) !== undefined, env },
      monitor: {
        definitions: storeDefinitionSource(store, clock),
        client: started.client,
        namespace: config.temporal.namespace,
        hub,
      },
      caseIdOf: (tenant, processId, caseRef) => caseIdFor(idSecret, tenant, processId, caseRef),
      // Notifications whose mapping reads the zaak: answered 202, a workflow reads it.
      notificationWorkflows: createNotificationWorkflows({
        client: started.client,
        taskQueue: config.temporal.taskQueue,
      }),
      codec: started.codec,
      temporalUiOrigins: [
        ...config.temporal.uiOrigins,
        ...(config.temporal.uiPort
          ? [`http://localhost:${config.temporal.uiPort}`, `http://127.0.0.1:${config.temporal.uiPort}`]
          : []),
      ],
      metrics,
      metricsToken: config.metricsToken,
      log,
      rateLimitPerMinute: config.rateLimitPerMinute,
      assertCanSign: assertCanSign(store),
      recordedDecisions: (tenant, kind, now) =>
        collectRecordedDecisions({ client: started.client, namespace: config.temporal.namespace }, tenant, kind, now),
      uiDir: opts.uiDir === false ? undefined : (opts.uiDir ?? path.join(PROJECT_ROOT, 'ui', 'dist')),
      readiness: [
        {
          name: 'store',
          check: async () => void (await store.db.selectFrom('tenants').select('id').limit(1).execute()),
        },
        // With TLS a handshake first: a refused certificate shows as TEMPORAL_TLS_REFUSED, not a timeout.
        { name: 'temporal', check: () => started.ready() },
      ],
    });
    return {
      app,
      store,
      storeDeps: deps,
      runtime: started,
      cases,
      bootstrapMessage: bootstrapMessage(boot),
      async stop() {
        hub.stop();
        // The worker drains first, while its connection and the server are still there.
        await runningWorker?.stop();
        await started.stop();
        await store.close();
      },
    };
  } catch (err) {
    // Whatever started before the failure stops again: no Temporal dev server is left behind.
    await worker?.stop().catch(() => undefined);
    await runtime?.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw err;
  }
}

/** TEMPORAL_DEV_RESTART_ATTEMPTS: restarts in a row of a dead embedded dev server before the product stops. */
function restartAttempts(raw: string | undefined): number {
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : 5;
}
