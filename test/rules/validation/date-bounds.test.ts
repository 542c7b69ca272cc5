import { DATE_BOUNDS, isDateInBounds } from '../../../rules/date-bounds';
import { catalogOf } from '../../../rules/facts/catalog-of';
import { validateFacts } from '../../../rules/facts/facts-schema';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aRuleSet, aRuleSetWith } from '../support/factories';

// Issue 17: dates without bounds. 9999-12-31 failed a workflow task with a 500, 0000-01-01 produced
// deadlines in 1900. Every date entering the rules core lies within 1900-01-01..2100-12-31.

const issues = (rs: unknown) => validateRuleSet(rs).errors.filter((e) => e.code === 'date-out-of-range');

describe('date bounds (1900-01-01 to 2100-12-31)', () => {
  it('the bounds themselves are in, a day beyond them is out', () => {
    expect(DATE_BOUNDS).toEqual({ min: '1900-01-01', max: '2100-12-31' });
    expect([isDateInBounds('1900-01-01'), isDateInBounds('2100-12-31')]).toEqual([true, true]);
    expect([isDateInBounds('1899-12-31'), isDateInBounds('2101-01-01'), isDateInBounds('9999-12-31')]).toEqual([
      false,
      false,
      false,
    ]);
    expect(isDateInBounds('2026-02-30')).toBe(false);
  });

  it("a rule set's effective dates outside the window are date-out-of-range at their path, in Dutch and English", () => {
    const rs: RuleSet = aRuleSet({ effectiveFrom: '0000-01-01', effectiveUntil: '9999-12-31' });
    expect(issues(rs).map((e) => e.path)).toEqual(['/effectiveFrom', '/effectiveUntil']);
    expect(issues(rs)[0]?.message).toEqual({
      nl: 'De begindatum (0000-01-01) ligt buiten 1 januari 1900 tot en met 31 december 2100.',
      en: 'The start date (0000-01-01) lies outside 1 January 1900 to 31 December 2100.',
    });
    expect(validateRuleSet(aRuleSet({ effectiveFrom: '1900-01-01', effectiveUntil: '2100-12-31' })).errors).toEqual([]);
  });

  it('date parameters and date values in conditions are bounded too', () => {
    const rs = aRuleSetWith(
      {
        all: [
          { fact: 'registrationDate', operator: 'dateBefore', value: '2101-01-01' },
          { fact: 'registrationDate', operator: 'dateAfter', value: { param: 'start' } },
        ],
      },
      {
        parameters: {
          start: { type: 'date', value: '1800-01-01', label: { nl: 'Startdatum', en: 'Start date' } },
        },
      },
    );
    expect(issues(rs).map((e) => e.path)).toEqual([
      '/parameters/start/value',
      '/rules/0/conditions/all/0/value',
      '/rules/0/conditions/all/1/value/param',
    ]);
  });

  it("a case's date facts outside the window are date-out-of-range, built-in and own facts alike", () => {
    const rs = aRuleSet({
      facts: {
        datumMelding: {
          type: 'date',
          label: { nl: 'Datum melding', en: 'Date of report' },
          description: { nl: 'Wanneer gemeld.', en: 'When reported.' },
        },
      },
    });
    const { valid, errors } = validateFacts(catalogOf(rs), {
      dateOfBirth: '0000-01-01',
      registrationDate: '9999-12-31',
      datumMelding: '2101-01-01',
      permitDate: '2026-01-05',
    });
    expect(valid).toBe(false);
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['date-out-of-range', '/dateOfBirth'],
      ['date-out-of-range', '/registrationDate'],
      ['date-out-of-range', '/datumMelding'],
    ]);
    expect(errors[0]?.message.nl).toBe(
      'Geboortedatum (0000-01-01) ligt buiten 1 januari 1900 tot en met 31 december 2100.',
    );
  });
});
