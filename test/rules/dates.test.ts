import { dutchDay, todayIso } from '../../rules/dates';

const amsterdam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('dutchDay: the calendar day in the Netherlands at an instant', () => {
  it('is the next day from 23:00 UTC in winter and from 22:00 UTC in summer', () => {
    expect(dutchDay('2026-11-30T22:59:59.999Z')).toBe('2026-11-30');
    expect(dutchDay('2026-11-30T23:00:00.000Z')).toBe('2026-12-01');
    expect(dutchDay('2026-07-14T21:59:59.999Z')).toBe('2026-07-14');
    expect(dutchDay('2026-07-14T22:00:00.000Z')).toBe('2026-07-15');
    // New Year's Eve: a placement at 23:30 UTC counts in the next half-year in the Netherlands.
    expect(dutchDay(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });

  it('keeps a date a date: YYYY-MM-DD and midnight UTC, as case dates store a day', () => {
    expect(dutchDay('2026-03-29')).toBe('2026-03-29');
    expect(dutchDay('2026-10-25T00:00:00.000Z')).toBe('2026-10-25');
    expect(dutchDay('2026-12-31T00:00:00.000Z')).toBe('2026-12-31');
  });

  it('changes offset at 01:00 UTC on the last Sundays of March and October', () => {
    // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
    expect(dutchDay('2026-03-28T22:59:00.000Z')).toBe('2026-03-28');
    expect(dutchDay('2026-03-28T23:00:00.000Z')).toBe('2026-03-29');
    expect(dutchDay('2026-03-29T21:59:00.000Z')).toBe('2026-03-29');
    expect(dutchDay('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
    expect(dutchDay('2026-10-24T22:00:00.000Z')).toBe('2026-10-25');
    expect(dutchDay('2026-10-25T22:59:00.000Z')).toBe('2026-10-25');
    expect(dutchDay('2026-10-25T23:00:00.000Z')).toBe('2026-10-26');
  });

  it('agrees with the time zone database every 53 minutes from 1996 to 2040', () => {
    const disagreements: string[] = [];
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 53 * 60_000) {
      const d = new Date(ms);
      // Only the hours around midnight can differ; the rest is the UTC day in both.
      const h = d.getUTCHours();
      if (h > 2 && h < 21) continue;
      if (dutchDay(d) !== amsterdam.format(d)) disagreements.push(d.toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('is undefined for what is not an instant', () => {
    expect(dutchDay('gisteren')).toBeUndefined();
    expect(dutchDay(new Date(Number.NaN))).toBeUndefined();
  });

  it('todayIso is the Dutch day', () => {
    expect(todayIso(new Date('2026-11-30T23:30:00.000Z'))).toBe('2026-12-01');
    expect(todayIso(new Date('2026-11-30T12:00:00.000Z'))).toBe('2026-11-30');
  });
});
