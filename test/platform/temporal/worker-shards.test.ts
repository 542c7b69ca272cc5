import { loadConfig } from '../../../platform/config';
import { cachePerShard, MAX_WORKER_SHARDS } from '../../../platform/temporal/worker-shards';

describe('worker shards: several SDK workers in one process, each caching its share of the cases', () => {
  it('gives each worker its share of the cache, rounded up; no cache stays no cache', () => {
    expect(cachePerShard(25_000, 5)).toBe(5000);
    expect(cachePerShard(2001, 2)).toBe(1001);
    expect(cachePerShard(2000, 1)).toBe(2000);
    expect(cachePerShard(0, 3)).toBe(0);
  });

  it('reads TEMPORAL_WORKER_SHARDS, one worker when it is not set (whatever the cache)', () => {
    expect(loadConfig({}).temporal).toMatchObject({ maxCachedWorkflows: 2000, workerShards: 1 });
    expect(loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '25000' }).temporal.workerShards).toBe(1);
    expect(
      loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '25000', TEMPORAL_WORKER_SHARDS: '5' }).temporal.workerShards,
    ).toBe(5);
    expect(loadConfig({ TEMPORAL_WORKER_SHARDS: String(MAX_WORKER_SHARDS) }).temporal.workerShards).toBe(8);
    expect(loadConfig({ TEMPORAL_WORKER_SHARDS: '' }).temporal.workerShards).toBe(1);
  });

  it.each(['0', '9', '1.5', 'twee', '-1'])('refuses TEMPORAL_WORKER_SHARDS=%s with the range it takes', (value) => {
    expect(() => loadConfig({ TEMPORAL_WORKER_SHARDS: value })).toThrow(
      `Config: TEMPORAL_WORKER_SHARDS=${value} is not a whole number from 1 to 8`,
    );
  });
});
