import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { api } from '../../support/product-process';

/** One try of a request: an HTTP status, or `refused`/`reset` when no HTTP answer came. */
export interface Attempt {
  status: number | 'refused' | 'reset';
  code?: string;
  sentAt: number;
  at: number;
}

export interface Sent<T> {
  item: T;
  attempts: Attempt[];
}

/** 503 and 504 leave the outcome open, as does a connection lost mid-request; CASE_NOT_WAITING asks for a retry. */
export const isOpen = (a: Attempt): boolean =>
  a.status === 503 || a.status === 504 || a.status === 'reset' || a.code === 'CASE_NOT_WAITING';
export const isAccepted = (a: Attempt): boolean => typeof a.status === 'number' && a.status >= 200 && a.status < 300;

/** One request as an attempt; a failed connection is recorded, never thrown. */
export async function attempt(
  base: string,
  method: string,
  route: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Attempt & { body?: any; retryAfter?: number }> {
  const sentAt = Date.now();
  try {
    const res = await api(base, method, route, body, headers);
    return {
      status: res.status,
      code: res.body?.error?.code,
      sentAt,
      at: Date.now(),
      body: res.body,
      retryAfter: Number(res.headers.get('retry-after')) || undefined,
    };
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return { status: code === 'ECONNREFUSED' ? 'refused' : 'reset', code, sentAt, at: Date.now() };
  }
}

export interface BurstOptions {
  concurrency: number;
  /** Repeat open outcomes (503/504/reset) as an integrator would, until this long after the burst began. */
  retryForMs?: number;
  /** Called after every answer with the number of first answers so far (to inject the fault). */
  onAnswer?: (firstAnswers: number) => void;
}

/** Sends one request per item, `concurrency` at a time, keeping every attempt. */
export async function burst<T>(
  items: T[],
  send: (item: T) => Promise<Attempt & { retryAfter?: number }>,
  opts: BurstOptions,
): Promise<Array<Sent<T>>> {
  const out: Array<Sent<T>> = items.map((item) => ({ item, attempts: [] }));
  const until = Date.now() + (opts.retryForMs ?? 0);
  let next = 0;
  let firstAnswers = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < out.length) {
        const sent = out[next++] as Sent<T>;
        for (;;) {
          const a = await send(sent.item);
          sent.attempts.push({ status: a.status, code: a.code, sentAt: a.sentAt, at: a.at });
          if (sent.attempts.length === 1) opts.onAnswer?.(++firstAnswers);
          if (!isOpen(a) || Date.now() > until) break;
          // Retry-After says 5 s; a test does not wait that long between tries (bounded by `until` anyway).
          await new Promise((r) => setTimeout(r, Math.min(1_000, (a.retryAfter ?? 1) * 1_000)));
        }
      }
    }),
  );
  return out;
}

/** Figures of one fault run, kept under test-results/faults/ for docs/reliability.md. */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test-results', 'faults');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`faults ${name}: ${JSON.stringify(figures)}`);
}

/** Times an event named `name` was accepted, per the case's own history. */
export function acceptedCount(state: { history?: Array<{ type: string; event?: string }> }, name: string): number {
  return (state.history ?? []).filter((h) => h.type === 'event-accepted' && h.event === name).length;
}

/** Runs `fn` over the items, `concurrency` at a time (reading back after a fault need not go one by one). */
export async function eachLimited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}
