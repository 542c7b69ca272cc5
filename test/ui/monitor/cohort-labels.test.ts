import { cohortNames } from '../../../ui/src/monitor/cohort-labels';

describe('cohortNames: the cohort view names a cohort, never by its id', () => {
  it('numbers the cohorts by their start dates, whatever their ids are', () => {
    const names = cohortNames(
      [
        { cohort: 'cohort-3', start: '2027-01-25' },
        { cohort: 'cohort-1', start: '2026-10-26' },
        { cohort: 'b-groep', start: '2026-12-28' },
      ],
      'nl',
    );
    expect(names.get('cohort-1')).toBe('Cohort 1');
    expect(names.get('b-groep')).toBe('Cohort 2');
    expect(names.get('cohort-3')).toBe('Cohort 3');
    for (const name of names.values()) expect(name).not.toMatch(/cohort-|b-groep/);
  });

  it("uses the phasing parameter's own label when the cohort has one, in the reader's language", () => {
    const cohorts = [
      { cohort: 'c1', start: '2026-10-26', label: { nl: 'Eerste groep (Noord)', en: 'First group (North)' } },
      { cohort: 'c2', start: '2026-12-28' },
    ];
    expect(cohortNames(cohorts, 'nl').get('c1')).toBe('Eerste groep (Noord)');
    expect(cohortNames(cohorts, 'en').get('c1')).toBe('First group (North)');
    expect(cohortNames(cohorts, 'nl').get('c2')).toBe('Cohort 2');
  });

  it('names households without a cohort in words and leaves them out of the numbering', () => {
    const names = cohortNames(
      [
        { cohort: '', start: '0000-01-01' },
        { cohort: 'cohort-1', start: '2026-10-26' },
      ],
      'nl',
    );
    expect(names.get('')).toBe('Zonder cohort');
    expect(names.get('cohort-1')).toBe('Cohort 1');
    expect(cohortNames([{ cohort: '', start: '0000-01-01' }], 'en').get('')).toBe('Without a cohort');
  });
});
