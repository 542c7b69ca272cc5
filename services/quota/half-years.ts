import { halfYearOf } from '../../workflows/engine/half-year';

export { HALF_YEAR_PATTERN } from '../../contract/quota';

/** Today as a Dutch calendar day (YYYY-MM-DD): half-years start at midnight in the Netherlands. */
export function dutchDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export function currentHalfYear(now: Date): string {
  return halfYearOf(dutchDay(now));
}

/** 2026-H1 → 2025-H2, 2026-H2 → 2026-H1. */
export function previousHalfYear(halfYear: string): string {
  const m = /^(\d{4})-H([12])$/.exec(halfYear);
  if (!m) throw new Error(`previousHalfYear: "${halfYear}" is not a half-year such as 2026-H1`);
  return m[2] === '2' ? `${m[1]}-H1` : `${Number(m[1]) - 1}-H2`;
}
