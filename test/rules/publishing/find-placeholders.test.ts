import { checkPublishable } from '../../../rules/publishing/check-publishable';
import { findPlaceholders } from '../../../rules/publishing/find-placeholders';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aRule, aRuleSet } from '../support/factories';

/** Mean time per call in ms, over enough calls to measure. */
function timePerCall(run: () => unknown, calls: number): number {
  run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) run();
  return Number(process.hrtime.bigint() - start) / 1e6 / calls;
}

// 100 times the input may cost about 100 times the time; a quadratic scan costs 10,000 times.
// The bound of 1,000 leaves a tenfold margin for a busy machine and still catches quadratic work.
const LINEAR_BOUND = 1000;
const small = 2_000;
const large = 200_000;

describe('findPlaceholders', () => {
  it('finds what /\\{\\{[^}]*\\}\\}/g finds', () => {
    const texts = [
      'Huisvestingsverordening {{gemeente}} {{jaar}}, art. {{artikel}}',
      '{{{x}}}',
      '{{a}b}} {{c}}',
      '{{',
      '}}{{}}',
      'geen',
      '{{a}}}}{{',
    ];
    for (const text of texts) {
      expect(findPlaceholders(text).map((p) => text.slice(p.start, p.end))).toEqual(text.match(/\{\{[^}]*\}\}/g) ?? []);
    }
    expect(findPlaceholders('art. {{artikel-medisch}}')[0]?.name).toBe('artikel-medisch');
  });

  it.each([
    ['only "{"', (n: number) => '{'.repeat(n)],
    ['one "{{" and no close', (n: number) => `{{${'a'.repeat(n - 2)}`],
    ['"{{}" repeated', (n: number) => '{{}'.repeat(Math.floor(n / 3))],
    ['"{{x}}" repeated', (n: number) => '{{x}}'.repeat(Math.floor(n / 5))],
  ])('is linear on %s (200 kB against a 2 kB baseline)', (_name, make) => {
    const a = make(small);
    const b = make(large);
    const ratio = timePerCall(() => findPlaceholders(b), 5) / timePerCall(() => findPlaceholders(a), 500);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('keeps the rule-set validator and the publish check linear on a legal basis of 200 kB of "{"', () => {
    const withBasis = (n: number) => aRuleSet({ rules: [aRule({ legalBasis: '{'.repeat(n) })] });
    const [a, b] = [withBasis(small), withBasis(large)];
    expect(timePerCall(() => validateRuleSet(b), 3) / timePerCall(() => validateRuleSet(a), 100)).toBeLessThan(
      LINEAR_BOUND,
    );
    expect(
      timePerCall(() => checkPublishable(b, { tenant: 'GM9999' }), 5) /
        timePerCall(() => checkPublishable(a, { tenant: 'GM9999' }), 500),
    ).toBeLessThan(LINEAR_BOUND);
  });
});
