/**
 * The taakstelling half-year of a date: 1 January–30 June is H1, 1 July–31 December is H2
 * (domain.md §4). Calendar dates only (YYYY-MM-DD), so no time zone can move a placement.
 */
export function halfYearOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`halfYearOf: "${date}" is not a date (YYYY-MM-DD)`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new Error(`halfYearOf: "${date}" has no month ${month}`);
  return `${m[1]}-H${month <= 6 ? 1 : 2}`;
}

/** First and last day of a half-year such as 2026-H2. */
export function halfYearPeriod(halfYear: string): { from: string; until: string } {
  const m = /^(\d{4})-H([12])$/.exec(halfYear);
  if (!m) throw new Error(`halfYearPeriod: "${halfYear}" is not a half-year such as 2026-H1`);
  return m[2] === '1'
    ? { from: `${m[1]}-01-01`, until: `${m[1]}-06-30` }
    : { from: `${m[1]}-07-01`, until: `${m[1]}-12-31` };
}
