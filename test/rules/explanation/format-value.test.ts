import { formatValue } from '../../../rules/explanation/format-value';
import { housingPriorityCatalog } from '../../../rules/facts/housing-priority-catalog';

describe('formatValue: counts in the word of what they count', () => {
  const children = housingPriorityCatalog.facts.numberOfChildren;
  const household = housingPriorityCatalog.facts.householdSize;

  it('counts children as children, not persons', () => {
    expect(formatValue(1, children, 'nl')).toBe('1 kind');
    expect(formatValue(2, children, 'nl')).toBe('2 kinderen');
    expect(formatValue(1, children, 'en')).toBe('1 child');
    expect(formatValue(3, children, 'en')).toBe('3 children');
  });

  it('keeps persons for the household size', () => {
    expect(formatValue(1, household, 'nl')).toBe('1 persoon');
    expect(formatValue(3, household, 'nl')).toBe('3 personen');
  });
});
