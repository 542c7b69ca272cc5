import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time per OS thread of some processes, from /proc (Linux; elsewhere an empty sample): for the
 * benchmark's question where an event's CPU goes — the worker's JavaScript threads, the SDK core's
 * (Rust) threads, V8's garbage-collector helpers and the dev server compete for the same cores.
 */
export type ThreadCpuSample = Map<string, { label: string; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

function threadCpuMs(stat: string): number {
  // Fields after the command name (which may contain spaces, so split after its closing parenthesis).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime + stime
}

/** The process and its descendants (the CLI may run the server as a child). */
function withDescendants(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length && out.length < 64; i++) {
    try {
      for (const tid of readdirSync(`/proc/${out[i]}/task`)) {
        const children = readFileSync(`/proc/${out[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) out.push(...children.split(' ').map(Number));
      }
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** `descendants`: its child processes too (not for the bench itself: the dev server is its child). */
export function sampleThreadCpu(
  processes: Array<{ name: string; pid: number | undefined; descendants?: boolean }>,
): ThreadCpuSample {
  const out: ThreadCpuSample = new Map();
  const all = processes.flatMap(({ name, pid, descendants }) =>
    pid === undefined
      ? []
      : (descendants ? withDescendants(pid) : [pid]).map((p, i) => ({
          name: i === 0 ? name : `${name}-child`,
          pid: p,
        })),
  );
  for (const { name, pid } of all) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const base = `/proc/${pid}/task/${tid}`;
        const comm = readFileSync(`${base}/comm`, 'utf8').trim();
        const label = Number(tid) === pid ? `${name} main thread` : `${name} thread ${tid} (${comm})`;
        out.set(`${pid}/${tid}`, { label, ms: threadCpuMs(readFileSync(`${base}/stat`, 'utf8')) });
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return out;
}

/** Markdown lines: CPU ms per event of each thread that used at least 0.05 ms per event, busiest first. */
export function threadCpuReport(
  label: string,
  before: ThreadCpuSample,
  after: ThreadCpuSample,
  events: number,
): string[] {
  const rows = [...after.entries()]
    .map(([key, a]) => ({ label: a.label, perEvent: (a.ms - (before.get(key)?.ms ?? 0)) / events }))
    .filter((r) => r.perEvent >= 0.05)
    .sort((a, b) => b.perEvent - a.perEvent);
  const byProcess = new Map<string, number>();
  for (const r of rows) {
    const proc = r.label.split(' ')[0] as string;
    byProcess.set(proc, (byProcess.get(proc) ?? 0) + r.perEvent);
  }
  return [
    `CPU per event by thread — ${label} (${events} events)`,
    '',
    '| thread | CPU ms per event |',
    '|---|---:|',
    ...[...byProcess.entries()].map(([p, ms]) => `| **${p}, all threads** | **${ms.toFixed(2)}** |`),
    ...rows.map((r) => `| ${r.label} | ${r.perEvent.toFixed(2)} |`),
  ];
}
