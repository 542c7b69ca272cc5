/**
 * ISO-8601 durations on the calendar: P6M from 31 August is the last day of February, not
 * 3 March, because the COA-paid hotel period and the HAR term are counted in calendar months.
 * Pure and deterministic: workflow code uses it with workflow time.
 */

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export class DurationError extends Error {
  readonly code = 'INVALID_DURATION';
  constructor(readonly text: string) {
    super(`Duration: "${text}" is not an ISO-8601 duration such as P6M, P2W or P10D`);
  }
}

export function parseDuration(text: string): Duration {
  const m = PATTERN.exec(text);
  if (!m) throw new DurationError(text);
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function isDuration(text: string): boolean {
  return PATTERN.test(text);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Adds (sign 1) or subtracts (sign -1) a duration: years and months first, clamped to the month's end, then the rest. */
export function addDuration(date: Date, duration: Duration | string, sign: 1 | -1 = 1): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  const totalMonths = sign * (d.years * 12 + d.months);
  const y = date.getUTCFullYear();
  const monthIndex = date.getUTCMonth() + totalMonths;
  const targetYear = y + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth));
  const shifted = Date.UTC(
    targetYear,
    targetMonth,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  const rest = ((d.weeks * 7 + d.days) * 86_400 + d.hours * 3_600 + d.minutes * 60 + d.seconds) * 1000;
  return new Date(shifted + sign * rest);
}
