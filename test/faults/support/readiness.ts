import { readdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { listening } from '../../support/product-process';

/**
 * Waits that follow the machine instead of a fixed clock. On two shared cores at a load average
 * of 25–36 the product needs minutes of wall time to bundle its workflow code and start the dev
 * server (a fixed 90 s failed 4 of 10 runs), yet it is working all the while. So a start is
 * bounded by *progress*: it fails when the product's processes (the product, its dev server,
 * the bundler) used no CPU time for STALL_MS, or after START_CAP_MS in all, and says which.
 */
export const STALL_MS = 60_000;
export const START_CAP_MS = 600_000;

/** CPU time (clock ticks) of a process and all its descendants, from /proc. */
export function cpuTicksOfTree(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15) cutime(16) cstime(17).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), {
        ppid: Number(f[1]),
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  let ticks = 0;
  const todo = [rootPid];
  while (todo.length) {
    const pid = todo.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) todo.push(child);
  }
  return ticks;
}

/**
 * Polls `check` until it gives a truthy value. Fails, naming `what` and why, when the processes
 * `pids` (with their descendants) used no CPU for `stallMs`, when one exited (`pids` gives
 * undefined), or after `capMs`.
 */
export async function waitWhileWorking<T>(
  what: string,
  pids: () => number[] | undefined,
  check: () => Promise<T | undefined | false>,
  opts: { stallMs?: number; capMs?: number; everyMs?: number; context?: () => string } = {},
): Promise<T> {
  const stallMs = opts.stallMs ?? STALL_MS;
  const capMs = opts.capMs ?? START_CAP_MS;
  const t0 = Date.now();
  let lastTicks = -1;
  let lastProgress = t0;
  const fail = (why: string) =>
    new Error(
      `${what}: ${why} (after ${Math.round((Date.now() - t0) / 1000)} s)${opts.context ? `\n${opts.context()}` : ''}`,
    );
  for (;;) {
    const value = await check();
    if (value) return value;
    const alive = pids();
    if (alive === undefined) throw fail('the process exited');
    const ticks = alive.reduce((n, p) => n + cpuTicksOfTree(p), 0);
    if (ticks !== lastTicks) {
      lastTicks = ticks;
      lastProgress = Date.now();
    }
    if (Date.now() - lastProgress > stallMs) throw fail(`no progress: it used no CPU time for ${stallMs / 1000} s`);
    if (Date.now() - t0 > capMs) throw fail(`still not there after ${capMs / 1000} s although working`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 500));
  }
}

/** The last lines a process wrote, for a failure message. */
export const tail = (output: string, lines = 15): string => output.trimEnd().split('\n').slice(-lines).join('\n');

/** spawnProduct's wait for the port, bounded by the product's progress instead of 90 s. */
export function listeningWhileWorking(port: number, child: ChildProcess, output: () => string): Promise<void> {
  return waitWhileWorking(
    `the product to listen on port ${port}`,
    () => (child.exitCode === null && child.signalCode === null && child.pid ? [child.pid] : undefined),
    () => listening(port),
    { context: () => `last lines of the product:\n${tail(output())}` },
  ).then(() => undefined);
}
