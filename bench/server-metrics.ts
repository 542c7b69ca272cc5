/**
 * What the Temporal server did during a phase of a benchmark, from its Prometheus endpoint: the
 * persistence calls (how many, how long), the visibility store's, the mutable-state cache's hits and
 * misses, and the history service's own task processing — each per event of the phase, so two
 * phases of different workflows can be set side by side. A diagnostic for `npm run bench:workflows`
 * (BENCH_SERVER_METRICS=1), not a figure with a target.
 */

/** Counter totals by "metric|operation" (labels other than those named below are summed over). */
export type MetricsSample = Map<string, number>;

// The series worth a look, and the label that tells their rows apart.
const SERIES: Record<string, (labels: Record<string, string>) => string | undefined> = {
  persistence_requests: (l) => l.operation,
  persistence_latency_sum: (l) => l.operation,
  visibility_persistence_latency_count: (l) => l.operation,
  visibility_persistence_latency_sum: (l) => l.operation,
  cache_requests: (l) => (l.cache_type ? `${l.cache_type} ${l.operation}` : undefined),
  cache_miss: (l) => (l.cache_type ? `${l.cache_type} ${l.operation}` : undefined),
  task_latency_processing_count: (l) => l.operation,
  task_latency_processing_sum: (l) => l.operation,
  // The calls the frontend answered (the clients' and the workers'), by method.
  service_requests: (l) => (l.service_name === 'frontend' ? l.operation : undefined),
};

// The SDK's own series (the worker's, from Runtime telemetry), by task queue: one worker per queue here.
const workerSeries = (l: Record<string, string>) => l.task_queue;

const LINE = /^([a-z_]+)\{([^}]*)\} ([0-9.eE+-]+)$/;
const LABEL = /([a-z_]+)="([^"]*)"/g;

/** Parses Prometheus text exposition into the sums this module reports. */
export function parseMetrics(text: string): MetricsSample {
  const sample: MetricsSample = new Map();
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, name, labelText, value] = match as unknown as [string, string, string, string];
    const keyOf = SERIES[name] ?? (name.startsWith('temporal_') ? workerSeries : undefined);
    if (!keyOf) continue;
    const labels: Record<string, string> = {};
    for (const [, k, v] of labelText.matchAll(LABEL)) labels[k as string] = v as string;
    const key = keyOf(labels);
    if (!key) continue;
    const id = `${name}|${key}`;
    sample.set(id, (sample.get(id) ?? 0) + Number(value));
  }
  return sample;
}

export async function scrapeMetrics(url: string): Promise<MetricsSample> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`server metrics: ${res.status} from ${url}`);
  return parseMetrics(await res.text());
}

const delta = (before: MetricsSample, after: MetricsSample, id: string) => (after.get(id) ?? 0) - (before.get(id) ?? 0);

/**
 * Markdown lines: per event, the calls and milliseconds of each persistence operation (largest
 * total time first, the top `limit`), the visibility store's, the cache misses and the history
 * tasks processed.
 */
export function perEventReport(
  label: string,
  before: MetricsSample,
  after: MetricsSample,
  events: number,
  limit = 12,
): string[] {
  const ops = (count: string, sum: string) =>
    [...new Set([...after.keys()].filter((k) => k.startsWith(`${count}|`)).map((k) => k.slice(count.length + 1)))]
      .map((op) => ({
        op,
        calls: delta(before, after, `${count}|${op}`) / events,
        ms: (delta(before, after, `${sum}|${op}`) * 1000) / events,
      }))
      .filter((r) => r.calls > 0.005)
      .sort((a, b) => b.ms - a.ms);
  const lines = [
    `server work per event — ${label} (${events} events)`,
    '',
    '| kind | operation | calls/event | ms/event |',
    '|---|---|---:|---:|',
  ];
  const persistence = ops('persistence_requests', 'persistence_latency_sum');
  const total = persistence.reduce((a, r) => ({ calls: a.calls + r.calls, ms: a.ms + r.ms }), { calls: 0, ms: 0 });
  for (const r of persistence.slice(0, limit))
    lines.push(`| persistence | ${r.op} | ${r.calls.toFixed(2)} | ${r.ms.toFixed(2)} |`);
  lines.push(`| persistence | **all** | ${total.calls.toFixed(2)} | ${total.ms.toFixed(2)} |`);
  for (const r of ops('visibility_persistence_latency_count', 'visibility_persistence_latency_sum'))
    lines.push(`| visibility | ${r.op} | ${r.calls.toFixed(2)} | ${r.ms.toFixed(2)} |`);
  for (const r of ops('task_latency_processing_count', 'task_latency_processing_sum').slice(0, limit))
    lines.push(`| history task | ${r.op} | ${r.calls.toFixed(2)} | ${r.ms.toFixed(2)} |`);
  for (const op of [...after.keys()].filter((k) => k.startsWith('service_requests|'))) {
    const calls = delta(before, after, op) / events;
    if (calls >= 0.005) lines.push(`| frontend call | ${op.slice(17)} | ${calls.toFixed(2)} | |`);
  }
  const caches = [...after.keys()].filter((k) => k.startsWith('cache_requests|')).map((k) => k.slice(15));
  for (const c of caches) {
    const requests = delta(before, after, `cache_requests|${c}`);
    if (requests / events < 0.005) continue;
    const misses = delta(before, after, `cache_miss|${c}`);
    lines.push(
      `| cache | ${c} | ${(requests / events).toFixed(2)} | misses ${((misses / requests) * 100).toFixed(0)} % |`,
    );
  }
  return lines;
}

/**
 * Markdown lines: what the worker of `taskQueue` did per event — its workflow tasks (how many, how
 * long they ran, how long they waited to start), replays, sticky-cache hits and misses, polls — from
 * the SDK's metrics (durations in milliseconds, the SDK's default unit).
 */
export function workerReport(
  label: string,
  taskQueue: string,
  before: MetricsSample,
  after: MetricsSample,
  events: number,
): string[] {
  const suffix = `|${taskQueue}`;
  const rows = [...after.keys()]
    .filter((k) => k.startsWith('temporal_') && k.endsWith(suffix) && !k.includes('_bucket'))
    .map((k) => ({ name: k.slice(0, -suffix.length), perEvent: delta(before, after, k) / events }))
    .filter((r) => Math.abs(r.perEvent) >= 0.005)
    .sort((a, b) => a.name.localeCompare(b.name));
  return [
    `worker work per event — ${label} (${events} events, task queue ${taskQueue})`,
    '',
    '| series | per event |',
    '|---|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.perEvent.toFixed(2)} |`),
  ];
}
