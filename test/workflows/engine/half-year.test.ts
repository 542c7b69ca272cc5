import { halfYearOf, halfYearPeriod } from '../../../workflows/engine/half-year';

describe('taakstelling half-year of a placement date', () => {
  it.each([
    ['2026-01-01', '2026-H1'],
    ['2026-06-30', '2026-H1'],
    ['2026-07-01', '2026-H2'],
    ['2026-12-31', '2026-H2'],
    ['2028-02-29', '2028-H1'],
    ['2026-06-30T23:59:59.000Z', '2026-H1'],
  ])('%s is in %s', (date, half) => {
    expect(halfYearOf(date)).toBe(half);
  });
  it('refuses what is not a date', () => {
    expect(() => halfYearOf('30-06-2026')).toThrow(/not a date/);
    expect(() => halfYearOf('2026-13-01')).toThrow(/no month/);
  });
  it('gives the period of a half-year', () => {
    expect(halfYearPeriod('2026-H1')).toEqual({ from: '2026-01-01', until: '2026-06-30' });
    expect(halfYearPeriod('2026-H2')).toEqual({ from: '2026-07-01', until: '2026-12-31' });
    expect(() => halfYearPeriod('2026-H3')).toThrow();
  });
});
