import { durationInWords, relativeTimeInWords, singleUnit } from '../../../ui/src/processes/model/duration-words';

describe('durations in words', () => {
  it.each([
    ['P6M', 'nl', '6 maanden'],
    ['P1M', 'nl', '1 maand'],
    ['P10W', 'nl', '10 weken'],
    ['P2W', 'nl', '2 weken'],
    ['P3D', 'nl', '3 dagen'],
    ['P1Y', 'nl', '1 jaar'],
    ['P1Y2M', 'nl', '1 jaar en 2 maanden'],
    ['P4M2W3D', 'nl', '4 maanden, 2 weken en 3 dagen'],
    ['PT1H', 'nl', '1 uur'],
    ['P6M', 'en', '6 months'],
    ['P1W', 'en', '1 week'],
    ['P3D', 'en', '3 days'],
    ['P1Y1D', 'en', '1 year and 1 day'],
  ] as const)('%s in %s is "%s"', (iso, lang, words) => {
    expect(durationInWords(iso, lang)).toBe(words);
  });

  it('is undefined for text that is not an ISO-8601 duration', () => {
    expect(durationInWords('6 maanden', 'nl')).toBeUndefined();
    expect(durationInWords('P', 'nl')).toBeUndefined();
    expect(durationInWords('P4.5M', 'nl')).toBeUndefined();
  });

  it('says a moment relative to a named case date, in Dutch and English', () => {
    expect(relativeTimeInWords({ from: 'hotelStart', after: 'P6M' }, 'nl')).toBe('6 maanden na hotelplaatsing');
    expect(relativeTimeInWords({ from: 'hotelStart', after: 'P3M' }, 'nl')).toBe('3 maanden na hotelplaatsing');
    expect(relativeTimeInWords({ from: 'hotelStart', after: 'P6M' }, 'en')).toBe('6 months after hotel placement');
    expect(relativeTimeInWords({ from: 'koppeling', after: 'P10W' }, 'nl')).toBe('10 weken na koppeling');
    expect(relativeTimeInWords({ from: 'placed', before: 'P2W' }, 'nl')).toBe('2 weken voor plaatsing in de HAR');
    expect(relativeTimeInWords({ from: 'caseStarted' }, 'nl')).toBe('bij start van de zaak');
    expect(relativeTimeInWords({ from: 'eigenDatum', after: 'P3D' }, 'nl')).toBe('3 dagen na eigenDatum');
  });

  it('reads a term given by parameter from the definition parameters', () => {
    const parameters = { reminders: { third: 'P5M' } };
    expect(relativeTimeInWords({ from: 'hotelStart', after: { param: 'reminders.third' } }, 'nl', parameters)).toBe(
      '5 maanden na hotelplaatsing',
    );
    expect(relativeTimeInWords({ from: 'hotelStart', after: { param: 'reminders.missing' } }, 'nl', parameters)).toBe(
      '(parameter reminders.missing) na hotelplaatsing',
    );
  });

  it('splits a one-unit duration into amount and unit for the form, and refuses mixed units', () => {
    expect(singleUnit('P6M')).toEqual({ amount: 6, unit: 'M' });
    expect(singleUnit('P10W')).toEqual({ amount: 10, unit: 'W' });
    expect(singleUnit('P1Y2M')).toBeUndefined();
    expect(singleUnit('nonsense')).toBeUndefined();
  });
});
