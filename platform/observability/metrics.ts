import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process; labels hold route templates and codes, never ids or data. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'doorstroom_' });
  const requests = new Histogram({
    name: 'doorstroom_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const casesStarted = new Counter({
    name: 'doorstroom_cases_started_total',
    help: 'Cases started, by process',
    labelNames: ['process'] as const,
    registers: [registry],
  });
  const eventsRejected = new Counter({
    name: 'doorstroom_events_rejected_total',
    help: 'Events refused by a case, by error code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const webhookFailures = new Counter({
    name: 'doorstroom_webhook_failures_total',
    help: 'Failed webhook delivery attempts',
    registers: [registry],
  });
  const temporalDevServerRestarts = new Counter({
    name: 'doorstroom_temporal_dev_server_restarts_total',
    help: 'Restart attempts of the embedded Temporal dev server after it died, by outcome (ok, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const temporalWorkerRestarts = new Counter({
    name: 'doorstroom_temporal_worker_restarts_total',
    help: 'Workers re-created after the Temporal worker failed',
    registers: [registry],
  });
  const temporalAvailable = new Gauge({
    name: 'doorstroom_temporal_available',
    help: '1 while the Temporal frontend answers its probe, 0 while the API answers 503 TEMPORAL_UNAVAILABLE',
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const end = requests.startTimer();
    res.once('finish', () => {
      // The matched route template (e.g. /cases/:caseId), so ids never become label values.
      const template = (req.route as { path?: string | RegExp } | undefined)?.path;
      const route = template ? `${req.baseUrl}${String(template)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };

  return {
    registry,
    middleware,
    casesStarted,
    eventsRejected,
    webhookFailures,
    temporalDevServerRestarts,
    temporalWorkerRestarts,
    temporalAvailable,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
