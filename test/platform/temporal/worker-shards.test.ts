import { loadConfig } from '../../../platform/config';
import {
  cachePerShard,
  CASES_PER_SHARD,
  MAX_WORKER_SHARDS,
  workerShardsFor,
} from '../../../platform/temporal/worker-shards';

describe('worker shards: several SDK workers in one process, each caching its share of the cases', () => {
  it('runs one worker up to 5,000 cached cases, then one more per 5,000, at most 8', () => {
    expect(CASES_PER_SHARD).toBe(5000);
    expect(workerShardsFor(0)).toBe(1);
    expect(workerShardsFor(2000)).toBe(1);
    expect(workerShardsFor(5000)).toBe(1);
    expect(workerShardsFor(5001)).toBe(2);
    expect(workerShardsFor(25_000)).toBe(5);
    expect(workerShardsFor(1_000_000)).toBe(MAX_WORKER_SHARDS);
  });

  it('gives each worker its share of the cache, rounded up; no cache stays no cache', () => {
    expect(cachePerShard(25_000, 5)).toBe(5000);
    expect(cachePerShard(2001, 2)).toBe(1001);
    expect(cachePerShard(2000, 1)).toBe(2000);
    expect(cachePerShard(0, 3)).toBe(0);
  });

  it('reads TEMPORAL_WORKER_SHARDS, and without it counts from TEMPORAL_MAX_CACHED_WORKFLOWS', () => {
    expect(loadConfig({}).temporal).toMatchObject({ maxCachedWorkflows: 2000, workerShards: 1 });
    expect(loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '25000' }).temporal.workerShards).toBe(5);
    expect(
      loadConfig({ TEMPORAL_MAX_CACHED_WORKFLOWS: '25000', TEMPORAL_WORKER_SHARDS: '2' }).temporal.workerShards,
    ).toBe(2);
    expect(loadConfig({ TEMPORAL_WORKER_SHARDS: '' }).temporal.workerShards).toBe(1);
  });

  it.each(['0', '9', '1.5', 'twee', '-1'])('refuses TEMPORAL_WORKER_SHARDS=%s with the range it takes', (value) => {
    expect(() => loadConfig({ TEMPORAL_WORKER_SHARDS: value })).toThrow(
      `Config: TEMPORAL_WORKER_SHARDS=${value} is not a whole number from 1 to 8`,
    );
  });
});
