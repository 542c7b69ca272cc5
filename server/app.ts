import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { CaseService } from '../services/cases/case-service';
import { ApiError } from '../platform/errors';
import { errorHandler } from './error-handler';
import { createHealthRouter, type ReadinessCheck } from './routes/health';
import type { Metrics } from '../platform/observability/metrics';
import { createAlertsRouter, type AlertsRouterDeps } from './routes/alerts';
import { createBesluitService } from '../services/besluiten/besluit-service';
import { createBesluitenRouter } from './routes/besluiten';
import { createCaseDecisionsRouter } from './routes/case-decisions';
import { createCasesRouter } from './routes/cases';
import { createCohortProgressRouter } from './routes/cohort-progress';
import { createInburgeringWaitingRouter } from './routes/inburgering-waiting';
import { createHouseholdImportsRouter } from './routes/household-imports';
import { createRuleSetSimulationRouter, type RuleSetSimulationDeps } from './routes/ruleset-simulation';
import { createCodecRouter } from './routes/codec';
import type { TenantScopedCodec } from '../platform/codec/encryption-codec';
import { createDecisionsRouter } from './routes/decisions';
import { createDocsRouter } from './routes/docs';
import { createMonitorRouter, type MonitorRouterDeps } from './routes/monitor';
import { createMunicipalityProfileRouter } from './routes/municipality-profile';
import { createNotificatiesRouter } from './routes/notificaties';
import type { NotificationWorkflows } from '../services/notificaties/notification-workflows';
import { createQuotaRouter } from './routes/quota';
import { createWebhooksRouter } from './routes/webhooks';
import { storeRuleSetSource } from '../services/wiring/store-sources';
import { createStoreRouter, type StoreDeps } from './routes/store-router';

export interface AppDeps {
  store: StoreDeps;
  /** What the supervisor's monitor reads besides the case service. */
  monitor: Omit<MonitorRouterDeps, 'auth' | 'cases' | 'codec'>;
  cases: CaseService;
  /** Deadline digests: the Temporal scheduler and whether e-mail is available. */
  alerts: Omit<AlertsRouterDeps, 'auth'>;
  /** The case id a (tenant, process, caseRef) has: incoming notifications find their case by it. */
  caseIdOf: (tenant: string, processId: string, caseRef: string) => string;
  /** Starts the workflow of a notification whose mapping reads the zaak (answered 202); absent, such a notification gets 503. */
  notificationWorkflows?: NotificationWorkflows;
  metrics: Metrics;
  /** METRICS_TOKEN: /metrics asks for it as a bearer token; unset, /metrics is open. */
  metricsToken?: string;
  readiness: ReadinessCheck[];
  log: { error: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };
  /** Built UI to serve at /, if present. */
  uiDir?: string;
  /** Case data in Temporal payloads: the monitor decodes with it, the codec endpoint per municipality. */
  codec: TenantScopedCodec;
  /** Origins of the Temporal UI allowed to call the codec endpoint with cookies. */
  temporalUiOrigins?: string[];
  /** Requests per minute per API key or session (default 600). */
  rateLimitPerMinute?: number;
  /** Refuses confirming a decision while the municipality's profile cannot sign a besluit. */
  assertCanSign?: (tenant: string) => Promise<void>;
  /** The municipality's real decisions of a rule-set kind, for simulating a draft on them. */
  recordedDecisions?: RuleSetSimulationDeps['collect'];
}

export const BODY_LIMIT = '256kb';
export const API_VERSION = '1.0.0';

/** The express app without listening: main.ts listens, tests use supertest. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': null } },
    }),
  );
  app.use(deps.metrics.middleware);
  app.use(express.json({ limit: BODY_LIMIT }));

  const health = createHealthRouter({
    checks: deps.readiness,
    metrics: deps.metrics,
    metricsToken: deps.metricsToken,
  });
  app.use(health);
  app.use('/api/v1', health);
  app.use(createDocsRouter(API_VERSION));
  app.use('/api/v1', createDecisionsRouter({ auth: deps.store, ruleSets: storeRuleSetSource(deps.store.store) }));
  app.use('/api/v1', createCodecRouter({ auth: deps.store, codec: deps.codec, uiOrigins: deps.temporalUiOrigins }));
  app.use('/api/v1', createMonitorRouter({ auth: deps.store, cases: deps.cases, codec: deps.codec, ...deps.monitor }));
  app.use(
    '/api/v1',
    createCohortProgressRouter({ auth: deps.store, cases: deps.cases, definitions: deps.monitor.definitions }),
  );
  app.use(
    '/api/v1',
    createInburgeringWaitingRouter({ auth: deps.store, cases: deps.cases, definitions: deps.monitor.definitions }),
  );
  app.use('/api/v1', createQuotaRouter({ auth: deps.store }));
  app.use('/api/v1', createWebhooksRouter({ auth: deps.store }));
  app.use('/api/v1', createAlertsRouter({ auth: deps.store, ...deps.alerts }));
  app.use(
    '/api/v1',
    createNotificatiesRouter({
      auth: deps.store,
      cases: deps.cases,
      caseIdOf: deps.caseIdOf,
      log: deps.log,
      workflows: deps.notificationWorkflows,
      rateLimitPerMinute: deps.rateLimitPerMinute,
    }),
  );
  app.use('/api/v1', createMunicipalityProfileRouter({ auth: deps.store }));
  app.use(
    '/api/v1',
    createBesluitenRouter({
      auth: deps.store,
      besluiten: createBesluitService({ store: deps.store.store, clock: deps.store.clock }),
    }),
  );
  app.use('/api/v1', createStoreRouter(deps.store));
  app.use(
    '/api/v1',
    createCasesRouter({
      auth: deps.store,
      cases: deps.cases,
      metrics: deps.metrics,
      rateLimitPerMinute: deps.rateLimitPerMinute ?? 600,
    }),
  );
  app.use(
    '/api/v1',
    createHouseholdImportsRouter({
      auth: deps.store,
      cases: deps.cases,
      rateLimitPerMinute: deps.rateLimitPerMinute ?? 600,
    }),
  );
  if (deps.recordedDecisions)
    app.use('/api/v1', createRuleSetSimulationRouter({ auth: deps.store, collect: deps.recordedDecisions }));
  app.use(
    '/api/v1',
    createCaseDecisionsRouter({
      auth: deps.store,
      cases: deps.cases,
      rateLimitPerMinute: deps.rateLimitPerMinute ?? 600,
      assertCanSign: deps.assertCanSign,
      ruleSets: storeRuleSetSource(deps.store.store),
    }),
  );
  app.use('/api', (req, _res, next) =>
    next(new ApiError(404, 'NOT_FOUND', `No API route ${req.method} ${req.originalUrl.split('?')[0]}.`, '/path')),
  );

  if (deps.uiDir && existsSync(deps.uiDir)) {
    const uiDir = deps.uiDir;
    app.use(express.static(uiDir, { index: 'index.html', maxAge: '1h' }));
    // The UI routes in the browser: every other GET gets the app shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(uiDir, 'index.html')));
  }
  app.use(errorHandler(deps.log));
  return app;
}
