import express from 'express';
import request from 'supertest';
import { loadConfig } from '../../../platform/config';
import { createMetrics } from '../../../platform/observability/metrics';
import { errorHandler } from '../../../server/error-handler';
import { createHealthRouter } from '../../../server/routes/health';

const TOKEN = 'a'.repeat(24) + '0123456789abcdef';
const quiet = { error: () => undefined };

/** The health router as createApp mounts it: at the root and under /api/v1, errors through the app's handler. */
function app(metricsToken?: string) {
  const a = express();
  const health = createHealthRouter({
    checks: [{ name: 'store', check: () => Promise.resolve() }],
    metrics: createMetrics(),
    metricsToken,
  });
  a.use(health);
  a.use('/api/v1', health);
  a.use(errorHandler(quiet));
  return a;
}

describe('/metrics behind METRICS_TOKEN', () => {
  it.each(['/metrics', '/api/v1/metrics'])(
    '%s without a token: 401 METRICS_UNAUTHORIZED, JSON, no metrics',
    async (path) => {
      const res = await request(app(TOKEN)).get(path);
      expect(res.status).toBe(401);
      expect(res.type).toBe('application/json');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="doorstroom-metrics"');
      expect(res.body.error).toEqual({
        code: 'METRICS_UNAUTHORIZED',
        path: '/headers/authorization',
        message: expect.stringContaining('METRICS_TOKEN'),
      });
      expect(res.text).not.toContain('doorstroom_');
    },
  );

  it.each([
    ['another token of the same length', `Bearer ${TOKEN.slice(0, -1)}x`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`],
    ['the token and more', `Bearer ${TOKEN}x`],
    ['the token as Basic credentials', `Basic ${TOKEN}`],
    ['the bare token', TOKEN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s with 401', async (_name, header) => {
    const res = await request(app(TOKEN)).get('/metrics').set('authorization', header);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('METRICS_UNAUTHORIZED');
    expect(res.text).not.toContain('doorstroom_');
  });

  it.each(['/metrics', '/api/v1/metrics'])('%s with the right bearer token: the Prometheus text', async (path) => {
    const res = await request(app(TOKEN)).get(path).set('authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    expect(res.text).toContain('doorstroom_process_cpu_seconds_total');
  });

  it('the probes stay open with a token set (a kubelet sends none)', async () => {
    expect((await request(app(TOKEN)).get('/healthz')).status).toBe(200);
    expect((await request(app(TOKEN)).get('/readyz')).status).toBe(200);
  });

  it('without METRICS_TOKEN the metrics are open, as before', async () => {
    const res = await request(app(undefined)).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('doorstroom_process_cpu_seconds_total');
  });
});

describe('configuration: METRICS_TOKEN', () => {
  it('is read when set, absent when unset or empty', () => {
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });

  it('refuses a short token or one with white space, naming the setting', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'geheim' })).toThrow(/METRICS_TOKEN must be at least 32 characters/);
    expect(() => loadConfig({ METRICS_TOKEN: `${TOKEN} x` })).toThrow(/METRICS_TOKEN/);
  });
});
