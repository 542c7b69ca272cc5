import { ApiError } from '../../../platform/errors';
import { startOfTodayNl, toInstant } from '../../../services/versions/dates';

describe('effective dates', () => {
  it('reads a plain date as the start of that day in the Netherlands, winter and summer', () => {
    expect(toInstant('2026-01-01', '/x')).toBe('2025-12-31T23:00:00.000Z');
    expect(toInstant('2026-07-01', '/x')).toBe('2026-06-30T22:00:00.000Z');
    // The days of the clock changes: midnight is still before the switch.
    expect(toInstant('2026-03-29', '/x')).toBe('2026-03-28T23:00:00.000Z');
    expect(toInstant('2026-10-25', '/x')).toBe('2026-10-24T22:00:00.000Z');
  });

  it('normalises a date-time to UTC', () => {
    expect(toInstant('2026-07-01T09:30:00+02:00', '/x')).toBe('2026-07-01T07:30:00.000Z');
  });

  it('refuses what is not a date, naming the path', () => {
    expect(() => toInstant('2026-02-30', '/query/at')).toThrow(ApiError);
    try {
      toInstant('morgen', '/body/effectiveFrom');
    } catch (e) {
      expect((e as ApiError).path).toBe('/body/effectiveFrom');
    }
  });

  it('knows when today started in the Netherlands', () => {
    expect(startOfTodayNl(new Date('2026-07-01T21:59:00Z'))).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfTodayNl(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-01T22:00:00.000Z');
  });
});
