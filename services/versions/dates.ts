import { ApiError } from '../../platform/errors';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Offset of Europe/Amsterdam from UTC at an instant, in milliseconds (+1h in winter, +2h in summer). */
function amsterdamOffsetMs(instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3])) * 60 * 1000;
}

/**
 * A date or instant as an ISO UTC instant. A plain date (`2026-07-01`) means the start of
 * that day in the Netherlands, as in a bye-law's "in werking per 1 juli 2026".
 */
export function toInstant(value: string, path: string): string {
  const d = DATE_ONLY.exec(value);
  if (d) {
    const utcMidnight = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    const check = new Date(utcMidnight);
    if (check.getUTCDate() !== Number(d[3]))
      throw new ApiError(400, 'INVALID_DATE', `${value} is not a calendar date.`, path);
    // DST switches at 02:00/03:00, so the offset an hour before midnight UTC is the offset at local midnight.
    return new Date(utcMidnight - amsterdamOffsetMs(utcMidnight - 60 * 60 * 1000)).toISOString();
  }
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    throw new ApiError(
      400,
      'INVALID_DATE',
      `${value} is neither a date (YYYY-MM-DD) nor a date-time (RFC 3339).`,
      path,
    );
  }
  return new Date(ms).toISOString();
}

/** Start of the current day in the Netherlands, as an ISO instant. */
export function startOfTodayNl(now: Date): string {
  const local = new Date(now.getTime() + amsterdamOffsetMs(now.getTime()));
  return toInstant(local.toISOString().slice(0, 10), '');
}
