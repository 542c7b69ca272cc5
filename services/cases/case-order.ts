import type { temporal } from '@temporalio/proto';
import { ApiError } from '../../platform/errors';
import { CASE_SORTS, type CaseSort } from '../../contract/cases';
import { SA_NEXT_DEADLINE } from '../../workflows/search-attributes';

/**
 * The case list in one order across all pages, on any Temporal visibility store. SQL visibility
 * (SQLite, MySQL, PostgreSQL) has no custom ORDER BY, so a page is found by counting: the cases
 * after the cursor are narrowed by a range on the sort attribute (then on the start time, for
 * cases that share a value) until a range holds about a page; that range is listed in full and
 * sorted here. The cursor holds the last case's sort key (keyset paging): a case that changes
 * while someone pages may move, but none shows twice on consecutive pages or is skipped unless it
 * changed. Every range is half-open on whole milliseconds; the order within one millisecond of
 * start time is by workflow id, compared here rather than by the store's collation.
 */

type Execution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/** What a sort key is made of: the sort attribute (absent: none), the start time, the workflow id. */
export interface SortKey {
  /** The sort attribute in ms since the epoch, or null when the case has none (listed last). */
  a: number | null;
  /** Start time in nanoseconds since the epoch, as a decimal string (exact). */
  t: string;
  w: string;
}

export interface OrderedCursor {
  sort: CaseSort;
  key: SortKey;
  /** The widths (ms) of the ranges that held the last page, per attribute: where the next page starts looking. */
  widths?: Record<string, number>;
}

/** The two calls this needs from Temporal's visibility API. */
export interface Visibility {
  count(query: string): Promise<number>;
  list(query: string, pageSize: number, token?: Uint8Array): Promise<{ executions: Execution[]; next?: Uint8Array }>;
}

/** Temporal's largest page of a list call (frontend.visibilityMaxPageSize). */
const MAX_PAGE = 1000;
/** The widest range that can be found in a few counts: 1000–9999 AD, in ms. */
const DOMAIN_MIN = Date.UTC(1000, 0, 1);
const DOMAIN_MAX = Date.UTC(9999, 11, 31);
const HOUR = 3_600_000;

interface Dimension {
  /** The attribute in the query. */
  name: string;
  /** The row's value in ms (may have a fraction for start times), or null. */
  of: (k: SortKey) => number | null;
}
const START: Dimension = { name: 'StartTime', of: (k) => Number(BigInt(k.t) / 1000n) / 1000 };
const DEADLINE: Dimension = { name: SA_NEXT_DEADLINE.name, of: (k) => k.a };

const iso = (ms: number): string => new Date(ms).toISOString();

export function sortKeyOf(wf: Execution, deadline: Date | undefined, sort: CaseSort): SortKey {
  const seconds = BigInt(String(wf.startTime?.seconds ?? 0));
  const t = (seconds * 1_000_000_000n + BigInt(wf.startTime?.nanos ?? 0)).toString();
  const a = sort.endsWith('nextDeadline') ? (deadline ? deadline.getTime() : null) : Number(BigInt(t) / 1_000_000n);
  return { a, t, w: wf.execution?.workflowId ?? '' };
}

/** Ascending order of keys: attribute (none last), start time, workflow id. */
function compareAsc(x: SortKey, y: SortKey): number {
  if (x.a !== y.a) {
    if (x.a === null) return 1;
    if (y.a === null) return -1;
    return x.a - y.a;
  }
  const tx = BigInt(x.t);
  const ty = BigInt(y.t);
  if (tx !== ty) return tx < ty ? -1 : 1;
  return x.w < y.w ? -1 : x.w > y.w ? 1 : 0;
}

/** The order of a sort: descending is ascending reversed, except that cases without a value stay last. */
export function comparator(sort: CaseSort): (x: SortKey, y: SortKey) => number {
  if (!sort.startsWith('-')) return compareAsc;
  return (x, y) => {
    if ((x.a === null) !== (y.a === null)) return x.a === null ? 1 : -1;
    return -compareAsc(x, y);
  };
}

export interface OrderedPageDeps {
  visibility: Visibility;
  /** The filter's query (municipality, process, status, …). */
  base: string;
  sort: CaseSort;
  limit: number;
  after?: OrderedCursor;
  keyOf: (wf: Execution) => SortKey;
  /** The most cases a range may hold to be listed and sorted here (default: 4 pages, 200–1000). */
  maxRead?: number;
}

/**
 * One page in the sort's order after the cursor. Work per page is bounded: a count narrows a range
 * by at least half (mostly far more: the next guess interpolates), and at most one list call of up
 * to 1000 cases is made per range that is read.
 */
export async function orderedPage(deps: OrderedPageDeps): Promise<{ rows: Execution[]; next?: OrderedCursor }> {
  const desc = deps.sort.startsWith('-');
  const byDeadline = deps.sort.endsWith('nextDeadline');
  const cmp = comparator(deps.sort);
  // A range that is listed in full holds at most this many cases: some pages, one list call.
  const readable = deps.maxRead ?? Math.min(MAX_PAGE, Math.max(200, 4 * deps.limit));
  const widths: Record<string, number> = { [DEADLINE.name]: 24 * HOUR, [START.name]: HOUR, ...deps.after?.widths };
  const need = deps.limit + 1; // one more than a page: is there a next page?
  const after = deps.after?.key;

  // Position of a value on the axis of the order: ascending ms, or descending (mirrored); ranges are [x1, x2).
  const pos = (ms: number): number => (desc ? -Math.floor(ms) - 1 : Math.floor(ms));
  const range = (d: Dimension, x1: number | undefined, x2: number | undefined): string => {
    const parts: string[] = [];
    if (!desc) {
      if (x1 !== undefined) parts.push(`${d.name} >= '${iso(x1)}'`);
      if (x2 !== undefined) parts.push(`${d.name} < '${iso(x2)}'`);
    } else {
      if (x2 !== undefined) parts.push(`${d.name} >= '${iso(-x2)}'`);
      if (x1 !== undefined) parts.push(`${d.name} < '${iso(-x1)}'`);
    }
    return parts.join(' AND ');
  };
  const and = (...q: string[]) =>
    q
      .filter(Boolean)
      .map((c) => `(${c})`)
      .join(' AND ');

  async function listAll(query: string): Promise<Execution[]> {
    const out: Execution[] = [];
    let token: Uint8Array | undefined;
    do {
      const page = await deps.visibility.list(query, MAX_PAGE, token);
      out.push(...page.executions);
      token = page.next && page.next.length > 0 ? page.next : undefined;
    } while (token);
    return out;
  }
  const sorted = (rows: Execution[]) =>
    rows
      .map((wf) => ({ wf, key: deps.keyOf(wf) }))
      .filter((r) => !after || cmp(r.key, after) > 0)
      .sort((x, y) => cmp(x.key, y.key));

  /** The first `n` cases of `query` in order; all its cases lie at or after position `from` on `dims[0]`. */
  async function fresh(
    query: string,
    dims: Dimension[],
    n: number,
    from?: number,
    known?: number,
  ): Promise<Execution[]> {
    if (n <= 0) return [];
    const total = known ?? (await deps.visibility.count(query));
    if (total <= readable || dims.length === 0) return take(await listAll(query), n);
    const d = dims[0] as Dimension;
    const count = (x: number) => deps.visibility.count(and(query, range(d, undefined, x)));
    // lo: fewer than n cases before it (loCount of them); hi: at least n before it (hiCount).
    const b: { lo?: number; loCount: number; hi?: number; hiCount: number } = { lo: from, loCount: 0, hiCount: total };
    /** The bound-update step: x becomes hi when at least a page lies before it (`isHi`), else lo. True when hi. */
    const narrowTo = (x: number, c: number, isHi = c >= n): boolean => {
      if (isHi) {
        b.hi = x;
        b.hiCount = c;
      } else {
        b.lo = x;
        b.loCount = c;
      }
      return isHi;
    };
    /** The range once both ends are found. */
    const bracket = () => {
      if (b.lo === undefined || b.hi === undefined) throw new Error('unreachable: the range is bracketed');
      return { low: b.lo, high: b.hi, lowCount: b.loCount, highCount: b.hiCount };
    };
    const width = Math.max(1, widths[d.name] ?? HOUR);
    const start = from ?? pos(Date.now());
    const first = from !== undefined ? from + width : start;
    narrowTo(first, await count(first));
    // Widen by doubling until the range is bracketed, within the domain's ends.
    const end = pos(desc ? DOMAIN_MIN : DOMAIN_MAX) + 1;
    const origin = pos(desc ? DOMAIN_MAX : DOMAIN_MIN);
    for (let step = width; b.lo === undefined || b.hi === undefined; step *= 2) {
      if (b.hi === undefined) {
        const x = Math.min((b.lo as number) + step, end);
        const c = await count(x);
        narrowTo(x, c, c >= n || x >= end);
      } else {
        const x = Math.max(b.hi - step, origin);
        const c = await count(x);
        narrowTo(x, c, c >= n && x > origin);
      }
    }
    // Narrow until the range before high can be read in one go, or is one millisecond wide. A count at
    // an interpolated point usually cuts the range to about a page; when a cut left more than half
    // of its cases (they bunch together, or share one instant), the next cut is at the value of a
    // case inside the range (a pivot, as in quickselect: one list call and two counts), or, on the
    // start time, in the middle.
    let stalled = false;
    let stalls = 0;
    for (let r = bracket(); r.highCount > readable && r.high - r.low > 1; r = bracket()) {
      const { low, high, lowCount, highCount } = r;
      const before = highCount - lowCount;
      const target = (n + Math.min(readable, 2 * n)) / 2;
      if (stalled && d !== START && stalls % 2 === 1) {
        // The pivot: of some cases in the range, the value at the fraction of the range a page needs.
        const sample: number[] = (await deps.visibility.list(and(query, range(d, low, high)), 25)).executions
          .map((wf) => d.of(deps.keyOf(wf)))
          .filter((v): v is number => v !== null)
          .map(pos)
          .sort((x, y) => x - y);
        const q = Math.min(1, Math.max(0, (target - lowCount) / Math.max(1, highCount - lowCount)));
        const v: number | undefined = sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
        const p: number = v === undefined ? low + Math.floor((high - low) / 2) : Math.min(high - 1, Math.max(low, v));
        if (!narrowTo(p, p > low ? await count(p) : lowCount)) narrowTo(p + 1, await count(p + 1));
      } else if (stalled) {
        // Halve the range (every other stall; always on the start time, the order Temporal lists in itself).
        const x = low + Math.floor((high - low) / 2);
        narrowTo(x, await count(x));
      } else {
        const guess = low + Math.round(((high - low) * (target - lowCount)) / Math.max(1, highCount - lowCount));
        // Interpolate, but move at least an eighth of the range.
        const eighth = Math.max(1, Math.floor((high - low) / 8));
        const x = Math.min(high - eighth, Math.max(low + eighth, guess));
        narrowTo(x, await count(x));
      }
      const now = bracket();
      stalled = now.highCount - now.lowCount > before / 2;
      stalls = stalled ? stalls + 1 : 0;
    }
    const { low, high, lowCount, highCount } = bracket();
    widths[d.name] = Math.max(1, high - (from ?? low));
    if (highCount <= readable) return take(await listAll(and(query, range(d, undefined, high))), n);
    // One millisecond holds more than a page: those cases are ordered on the next dimension.
    const before = lowCount > 0 ? take(await listAll(and(query, range(d, undefined, low))), n) : [];
    const tie = and(query, range(d, low, low + 1));
    return [...before, ...(await fresh(tie, dims.slice(1), n - before.length, undefined, highCount - lowCount))];
  }

  const take = (rows: Execution[], n: number) =>
    sorted(rows)
      .slice(0, n)
      .map((r) => r.wf);

  /** The first `n` cases of `query` after the cursor, ordered on `dims`. */
  async function afterCursor(
    query: string,
    dims: Dimension[],
    n: number,
    cursor: SortKey | undefined,
  ): Promise<Execution[]> {
    if (!cursor || dims.length === 0) return fresh(query, dims, n);
    const d = dims[0] as Dimension;
    const v = d.of(cursor);
    if (v === null) return fresh(query, dims, n);
    const x = pos(v);
    // The cursor's own millisecond (cases that tie with it), then everything after it.
    const tied = await afterCursor(and(query, range(d, x, x + 1)), dims.slice(1), n, cursor);
    if (tied.length >= n) return tied;
    return [...tied, ...(await fresh(and(query, range(d, x + 1, undefined)), dims, n - tied.length, x + 1))];
  }

  let rows: Execution[];
  if (!byDeadline) {
    rows = await afterCursor(deps.base, [START], need, after);
  } else {
    const inNulls = after !== undefined && after.a === null;
    const valued = inNulls
      ? []
      : await afterCursor(and(deps.base, `${DEADLINE.name} IS NOT NULL`), [DEADLINE, START], need, after);
    const rest = need - valued.length;
    // Cases without a deadline come after all others: the cursor's start time counts among them only.
    const nulls =
      rest > 0
        ? await afterCursor(and(deps.base, `${DEADLINE.name} IS NULL`), [START], rest, inNulls ? after : undefined)
        : [];
    rows = [...valued, ...nulls];
  }
  const page = rows.slice(0, deps.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > deps.limit && last ? { sort: deps.sort, key: deps.keyOf(last), widths } : undefined,
  };
}

const PREFIX = 'dsk1:';

/** A keyset cursor as bytes (sealed by services/cases/cursor.ts before it leaves the API). */
export function encodeOrderedCursor(c: OrderedCursor): Buffer {
  const w = c.widths ?? {};
  return Buffer.from(
    PREFIX + JSON.stringify([c.sort, c.key.a, c.key.t, c.key.w, w[DEADLINE.name] ?? 0, w[START.name] ?? 0]),
    'utf8',
  );
}

export function isOrderedCursor(token: Buffer): boolean {
  return token.subarray(0, PREFIX.length).toString('utf8') === PREFIX;
}

/** A cursor given out for another order (or none) is refused: its key means nothing in this one. */
export function decodeOrderedCursor(token: Buffer, sort: CaseSort): OrderedCursor {
  const wrong = (why: string) =>
    new ApiError(400, 'VALIDATION_FAILED', `cursor: ${why}; start again without it.`, '/query/cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(token.subarray(PREFIX.length).toString('utf8'));
  } catch {
    throw wrong('not a cursor this API gave out');
  }
  const [s, a, t, w, deadlineWidth, startWidth] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  const width = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < DOMAIN_MAX - DOMAIN_MIN;
  if (
    !(CASE_SORTS as readonly unknown[]).includes(s) ||
    !(a === null || typeof a === 'number') ||
    typeof t !== 'string' ||
    !/^-?\d{1,30}$/.test(t) ||
    typeof w !== 'string' ||
    !(a === null || Number.isFinite(a)) ||
    !(deadlineWidth === 0 || width(deadlineWidth)) ||
    !(startWidth === 0 || width(startWidth))
  )
    throw wrong('not a cursor this API gave out');
  if (s !== sort) throw wrong(`it belongs to the order ${String(s)}, not ${sort}`);
  const widths: Record<string, number> = {};
  if (width(deadlineWidth)) widths[DEADLINE.name] = deadlineWidth as number;
  if (width(startWidth)) widths[START.name] = startWidth as number;
  return { sort, key: { a, t, w }, widths };
}
