import { Router } from 'express';
import type { Metrics } from '../../platform/observability/metrics';
import { requireMetricsToken } from './metrics-token';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/**
 * /healthz: the process answers. /readyz: its dependencies answer too. /metrics: Prometheus,
 * behind METRICS_TOKEN when one is set (probes stay open: a kubelet sends no token).
 */
export function createHealthRouter(deps: {
  checks: ReadinessCheck[];
  metrics: Metrics;
  /** METRICS_TOKEN: the bearer token /metrics asks for; unset, /metrics is open. */
  metricsToken?: string;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      deps.checks.map(async (c) => {
        const started = Date.now();
        try {
          await Promise.race([
            c.check(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 3 s')), 3000).unref()),
          ]);
          return { name: c.name, ok: true, ms: Date.now() - started };
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          // A coded failure (e.g. TEMPORAL_TLS_REFUSED) says its code, for the operator reading the probe.
          return {
            name: c.name,
            ok: false,
            ms: Date.now() - started,
            ...(typeof code === 'string' && /^[A-Z_]+$/.test(code) ? { code } : {}),
            error: (err as Error).message,
          };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', checks: results });
  });
  router.get('/metrics', requireMetricsToken(deps.metricsToken), async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
