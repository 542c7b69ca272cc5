import { addDuration, DurationError, isDuration, parseDuration } from '../../../workflows/dsl/duration';

const at = (iso: string) => new Date(iso);

describe('ISO-8601 durations on the calendar', () => {
  it('parses years, months, weeks, days and time parts', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });
  it.each(['', 'P', '6M', 'P6', 'PT', 'P1.5M', 'P-1M', 'p6m'])('refuses %p with code INVALID_DURATION', (text) => {
    expect(isDuration(text)).toBe(false);
    expect(() => parseDuration(text)).toThrow(DurationError);
  });
  it('adds calendar months: P6M from 15 January is 15 July', () => {
    expect(addDuration(at('2026-01-15T00:00:00Z'), 'P6M').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });
  it('clamps to the last day of a shorter month: P6M from 31 August is 28 February, 29 in a leap year', () => {
    expect(addDuration(at('2026-08-31T00:00:00Z'), 'P6M').toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addDuration(at('2027-08-31T00:00:00Z'), 'P6M').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
  it('crosses year boundaries both ways', () => {
    expect(addDuration(at('2026-11-30T12:00:00Z'), 'P3M').toISOString()).toBe('2027-02-28T12:00:00.000Z');
    expect(addDuration(at('2026-02-15T00:00:00Z'), 'P3M', -1).toISOString()).toBe('2025-11-15T00:00:00.000Z');
  });
  it('adds weeks and days after months (10 weeks after koppeling, 12 after is 2 weeks later)', () => {
    expect(addDuration(at('2026-03-02T00:00:00Z'), 'P10W').toISOString()).toBe('2026-05-11T00:00:00.000Z');
    expect(addDuration(at('2026-01-31T00:00:00Z'), 'P1M2D').toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
