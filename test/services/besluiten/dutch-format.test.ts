import { factCatalogs } from '../../../rules';
import { dateInWords, euro, letterValue } from '../../../services/besluiten/dutch-format';

describe('Dutch texts in a besluit', () => {
  const facts = factCatalogs['housing-priority'].facts;

  it('writes dates in words, instants as their day in the Netherlands', () => {
    expect(dateInWords('2026-02-01')).toBe('1 februari 2026');
    expect(dateInWords('2026-11-28T23:30:00.000Z')).toBe('29 november 2026');
  });

  it('writes amounts in euros with cents only when there are any', () => {
    expect(euro(30000.5)).toBe('€ 30.000,50');
    expect(euro(51537)).toBe('€ 51.537');
    expect(letterValue(30000.5, facts.annualIncome)).toBe('€ 30.000,50 per jaar');
  });

  it('writes labels for options, municipalities by name, and dates of date facts in words', () => {
    expect(letterValue('nareis', facts.permitType)).toBe('nareis (gezinshereniging)');
    expect(letterValue('GM0014', facts.linkedMunicipality)).toBe('de gemeente Groningen');
    expect(letterValue(['asiel', 'nareis'], facts.permitType)).toBe('asiel of nareis (gezinshereniging)');
    expect(letterValue('2026-09-14', facts.koppelingDate)).toBe('14 september 2026');
    expect(letterValue(false, facts.hasIndependentHome)).toBe('nee');
  });
});
