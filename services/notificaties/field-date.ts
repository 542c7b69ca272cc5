const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time as ZGW sends it (e.g. status.datumStatusGezet): with Z or an offset, never a local time without one.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date a mapping's `as: "date"` makes of a value: a date stays as it is; a date-time
 * becomes the day it was in the Netherlands (a status set at 00:30 Dutch time on 1 December is
 * 2026-12-01, though it is still 30 November in UTC). Anything else, or a date outside 1900–2100,
 * is `undefined` — the caller refuses it with its path.
 */
export function toMunicipalDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let date: string | undefined;
  if (DATE.test(text)) {
    const d = new Date(`${text}T00:00:00Z`);
    date = !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? text : undefined;
  } else if (INSTANT.test(text)) {
    const d = new Date(text);
    date = Number.isNaN(d.getTime()) ? undefined : amsterdam.format(d);
  }
  if (!date) return undefined;
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= 2100 ? date : undefined;
}
