/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Dates in rules are days, not instants: all arithmetic
 * is done in UTC so a peildatum never shifts with the server's time zone.
 */
const DAY_MS = 86_400_000;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** [year, month, day] of a valid YYYY-MM-DD string, or undefined (2026-02-30 is not a date). */
export function parseIsoDate(value: unknown): [number, number, number] | undefined {
  // Hand-parsed rather than through Date: bulk simulation derives ages for every applicant.
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return undefined;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return [y, m, d];
}

/** Days since 1970-01-01, or undefined when the value is not a valid calendar date. */
export function toEpochDay(value: unknown): number | undefined {
  const ymd = parseIsoDate(value);
  if (!ymd) return undefined;
  // days_from_civil (H. Hinnant): exact for the proleptic Gregorian calendar, no Date object needed.
  const [y0, m, d] = ymd;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * A valid calendar date, YYYY-MM-DD. Branded so that a failed check does not narrow a `string` to
 * `never`: not every string is a date, so "not a date" must leave it a string.
 */
export type IsoDate = string & { readonly __isoDate: true };

export function isIsoDate(value: unknown): value is IsoDate {
  return toEpochDay(value) !== undefined;
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` as a birthday counts them (29 February counts on 1 March). */
export function wholeYearsBetween(from: string, to: string): number | undefined {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return undefined;
  let years = b[0] - a[0];
  if (b[1] < a[1] || (b[1] === a[1] && b[2] < a[2])) years -= 1;
  return years;
}

/** Today's date in the Netherlands (dutchDay); only entry points (CLI, API) call this, never rule evaluation. */
export function todayIso(now: Date = new Date()): string {
  return dutchDay(now) as string;
}

/** The last Sunday of a month (1-based) of a year, as a day of that month. */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * The calendar day in the Netherlands (Europe/Amsterdam) at an instant: a case started at 23:30
 * UTC on 30 November started on 1 December there, and the rules in force are a Dutch day's.
 * Summer time as the EU has it since 1996 (Directive 2000/84/EC): from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October, UTC+2; else UTC+1. Written out rather
 * than asked of Intl so that workflow code gets the same day on every worker, whatever its time
 * zone data. A date (YYYY-MM-DD, or midnight UTC as case dates store one) stays that date.
 * Undefined when the value is not an instant.
 */
export function dutchDay(instant: Date | string): string | undefined {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  const summerFrom = Date.UTC(year, 2, lastSunday(year, 3), 1);
  const summerTo = Date.UTC(year, 9, lastSunday(year, 10), 1);
  const offsetHours = ms >= summerFrom && ms < summerTo ? 2 : 1;
  return new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 10);
}
