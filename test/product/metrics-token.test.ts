import { spawnProduct, type ProductProcess } from '../support/product-process';
import { productEnv, tempDataDir } from '../support/runtime';

const TOKEN = 'f3c1e0b7a9d24c68b5e1f0a7c3d9e2b4';
const NOTICE = /Let op: http:\/\/localhost:\d+\/metrics is zonder token te lezen; zet METRICS_TOKEN/g;

/** The start-up lines end with the stop hint; the notice, if any, comes before it. */
async function startupOutput(p: ProductProcess): Promise<string> {
  for (let i = 0; i < 300 && !p.output().includes('Stoppen: Ctrl-C'); i++) await new Promise((r) => setTimeout(r, 100));
  return p.output();
}

// `npm start` as an operator runs it: METRICS_TOKEN reaches /metrics through config, product and app.
describe('npm start and METRICS_TOKEN', () => {
  it('without a token: /metrics open and the start-up says so once; with one: 401 without it, the metrics with it', async () => {
    const env = await productEnv(tempDataDir());

    const open = await spawnProduct({ ...env, METRICS_TOKEN: '' });
    try {
      expect((await startupOutput(open)).match(NOTICE)).toHaveLength(1);
      const res = await fetch(`${open.url}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('doorstroom_http_request_duration_seconds');
    } finally {
      expect(await open.stop('SIGTERM')).toBe(0);
    }

    const guarded = await spawnProduct({ ...env, METRICS_TOKEN: TOKEN });
    try {
      expect(await startupOutput(guarded)).not.toMatch(NOTICE);
      for (const path of ['/metrics', '/api/v1/metrics']) {
        const refused = await fetch(`${guarded.url}${path}`, { headers: { authorization: 'Bearer not-the-token' } });
        expect(refused.status).toBe(401);
        expect((await refused.json()).error.code).toBe('METRICS_UNAUTHORIZED');
        const res = await fetch(`${guarded.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('doorstroom_http_request_duration_seconds');
      }
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await guarded.stop('SIGTERM')).toBe(0);
    }
  }, 300_000);
});
