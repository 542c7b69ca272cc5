/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Dates in rules are days, not instants: all arithmetic
 * is done in UTC so a peildatum never shifts with the server's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01, or undefined when the value is not a valid calendar date. */
export function toEpochDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not round-trip is not a date.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function isIsoDate(value: unknown): value is string {
  return toEpochDay(value) !== undefined;
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` as a birthday counts them (29 February counts on 1 March). */
export function wholeYearsBetween(from: string, to: string): number | undefined {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (a === undefined || b === undefined) return undefined;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

/** Today's date in UTC; only entry points (CLI, API) call this, never rule evaluation. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
