import { readSource, resolveDurationValue, resolveParam, resolveParams } from '../../../workflows/dsl/references';
import { resolveTime } from '../../../workflows/engine/deadlines';

const parameters = {
  schemes: {
    HAR: { maxDuration: 'P6M', countsForTaakstelling: true },
    'HAR+': { maxDuration: 'P9M', countsForTaakstelling: false },
  },
  norm: 'P10W',
};

describe('references into parameters and case values', () => {
  it('resolves a parameter path keyed by a case variable (the chosen scheme)', () => {
    expect(resolveParam('schemes.{scheme}.maxDuration', parameters, { scheme: 'HAR+' })).toEqual({
      ok: true,
      value: 'P9M',
    });
    expect(resolveParam('schemes.{scheme}.maxDuration', parameters, {})).toMatchObject({
      ok: false,
      reason: expect.stringContaining('scheme'),
    });
    expect(resolveParam('schemes.{scheme}.maxDuration', parameters, { scheme: 'anders' })).toMatchObject({ ok: false });
  });
  it('resolves task params one level deep and leaves other values alone', () => {
    expect(
      resolveParams(
        { counts: { param: 'schemes.{scheme}.countsForTaakstelling' }, template: 't' },
        { parameters, variables: { scheme: 'HAR+' } },
      ),
    ).toEqual({ counts: false, template: 't' });
  });
  it('computes a deadline from a parameter duration: P9M after placement for HAR+', () => {
    const scope = { dates: { placed: '2026-01-31T00:00:00.000Z' }, parameters, variables: { scheme: 'HAR+' } };
    expect(
      resolveTime({ from: 'placed', after: { param: 'schemes.{scheme}.maxDuration' } }, scope)?.toISOString(),
    ).toBe('2026-10-31T00:00:00.000Z');
    expect(
      resolveTime({ from: 'placed', after: { param: 'schemes.{scheme}.maxDuration' } }, { ...scope, variables: {} }),
    ).toBeUndefined();
    expect(resolveDurationValue({ param: 'norm' }, scope)).toBe('P10W');
  });
  it('reads value sources; dates come out as calendar dates', () => {
    const scope = {
      data: { a: { b: 3 } },
      variables: { v: 'x' },
      dates: { koppeling: '2026-03-02T00:00:00.000Z' },
      parameters,
    };
    expect(readSource('data.a.b', scope)).toBe(3);
    expect(readSource('variables.v', scope)).toBe('x');
    expect(readSource('dates.koppeling', scope)).toBe('2026-03-02');
    expect(readSource('parameters.norm', scope)).toBe('P10W');
    expect(readSource({ value: false }, scope)).toBe(false);
    expect(readSource('data.a.c', scope)).toBeUndefined();
  });
  it('reads an instant as the Dutch calendar day in a case with start patch 6, as the UTC day in one before it', () => {
    const dates = { koppeling: '2026-03-02T00:00:00.000Z', caseStarted: '2026-12-31T23:30:00.000Z' };
    const before = { data: {}, variables: {}, dates, parameters };
    const dutch = { ...before, dutchDays: true };
    expect(readSource('dates.caseStarted', before)).toBe('2026-12-31');
    expect(readSource('dates.caseStarted', dutch)).toBe('2027-01-01');
    // A date (stored at midnight UTC) is the same day either way.
    expect(readSource('dates.koppeling', before)).toBe('2026-03-02');
    expect(readSource('dates.koppeling', dutch)).toBe('2026-03-02');
  });
});
