import type { CaseState } from '../../workflows/case-state';

/** Reads a case's state (the caseState query). */
export type StateReader = (tenant: string, caseId: string) => Promise<CaseState>;

/**
 * Case-state queries for the dashboard, cached per case and "version" (its step, or `closed`):
 * a date such as hotelStart is fixed once the case is in a step, so an entry stays valid until
 * the case moves. Bounded in size and in concurrent queries, so 10,000 cases do not flood
 * the workers.
 */
export function createStateCache(read: StateReader, opts: { maxEntries?: number; concurrency?: number } = {}) {
  const maxEntries = opts.maxEntries ?? 20000;
  const concurrency = opts.concurrency ?? 8;
  const cache = new Map<string, { version: string; value: Promise<CaseState | undefined> }>();

  function get(tenant: string, caseId: string, version: string): Promise<CaseState | undefined> {
    const key = `${tenant}|${caseId}`;
    const hit = cache.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = read(tenant, caseId).catch(() => undefined);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, { version, value });
    // A failed read is not kept: the next dashboard tries again.
    void value.then((v) => {
      if (!v && cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  }

  /** States of many cases, at most `concurrency` queries at a time. */
  async function many(
    tenant: string,
    items: Array<{ caseId: string; version: string }>,
  ): Promise<Array<CaseState | undefined>> {
    const out = new Array<CaseState | undefined>(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        const it = items[i] as { caseId: string; version: string };
        out[i] = await get(tenant, it.caseId, it.version);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return out;
  }

  return { get, many, size: () => cache.size };
}

export type StateCache = ReturnType<typeof createStateCache>;
