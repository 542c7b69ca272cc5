import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { startDevServer } from '../../../platform/temporal/dev-server';
import { freePort } from '../../../platform/temporal/free-port';
import { parseMetrics } from '../../../bench/server-metrics';
import { tempDataDir } from '../../support/runtime';
import { silentLog } from '../../support/temporal';

// The embedded server's Prometheus endpoint and its settings by dynamic-config key: what
// `npm run bench:workflows` reads (BENCH_SERVER_METRICS) and sets (BENCH_SERVER_CONFIG).
describe('the embedded Temporal dev server’s metrics and settings', () => {
  it('serves its persistence counters at metricsUrl and starts with the settings it is given', async () => {
    const dev = await startDevServer({
      cliPath: process.env.TEMPORAL_CLI_PATH,
      dataDir: path.join(tempDataDir(), 'temporal'),
      port: await freePort(),
      namespace: 'default',
      log: silentLog,
      dynamicConfig: { 'history.cacheMaxSize': 4096 },
    });
    try {
      const connection = await Connection.connect({ address: dev.address });
      await connection.workflowService.updateNamespace({ namespace: 'default', updateInfo: { description: 'meting' } });
      await connection.close();
      const commandLine = readFileSync(`/proc/${dev.pid}/cmdline`, 'utf8').split('\0').join(' ');
      expect(commandLine).toContain('--dynamic-config-value history.cacheMaxSize=4096');
      expect(dev.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      // The server reports its counters every second or so: ask until the write shows.
      let updates = 0;
      for (let i = 0; i < 40 && updates < 1; i++) {
        const sample = parseMetrics(await (await fetch(dev.metricsUrl as string)).text());
        updates = sample.get('persistence_requests|UpdateNamespace') ?? 0;
        if (updates < 1) await new Promise((r) => setTimeout(r, 250));
      }
      expect(updates).toBeGreaterThanOrEqual(1);
    } finally {
      await dev.stop();
    }
  }, 120_000);
});
