import type { Condition, TopLevelCondition } from '../../../rules/condition-schema';
import type { Parameter, RuleSet } from '../../../rules/rule-set-schema';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aFactCondition, aRule, aRuleSet, aRuleWith } from '../support/factories';

/**
 * Validation must stay linear in its input. For each way a rule set can grow, an input ten times
 * larger may take at most 30 times as long as the baseline measured here, in the same run, on the
 * same machine: a quadratic check would take about 100 times as long. No wall-clock bound.
 */
const GROWTH = 10;
const MAX_RATIO = 30;
const RUNS = 9;

/** Per validation, timed over `times` validations in a row: the small input runs GROWTH times per sample so both samples last about as long and are as likely to be interrupted by other work. */
function timeOf(input: unknown, times: number): number {
  const start = performance.now();
  for (let i = 0; i < times; i++) validateRuleSet(input);
  return (performance.now() - start) / times;
}

function expectLinear(build: (n: number) => RuleSet, n: number, expectValid = true): void {
  const small = build(n);
  const large = build(n * GROWTH);
  // Both sizes must stay within the limits, or the large one would only measure the early refusal.
  expect(validateRuleSet(small).valid).toBe(expectValid);
  expect(validateRuleSet(large).valid).toBe(expectValid);
  // Interleaved, and the fastest of each: other work on a shared machine slows single runs, not
  // all of them. Up to three measurements, the best ratio counts: load can inflate one, while a
  // quadratic check (about ×100) fails all three.
  let best = { ratio: Infinity, base: 0, grown: 0 };
  for (let attempt = 0; attempt < 3 && best.ratio > MAX_RATIO; attempt++) {
    let base = Infinity;
    let grown = Infinity;
    for (let i = 0; i < RUNS; i++) {
      base = Math.min(base, timeOf(small, GROWTH));
      grown = Math.min(grown, timeOf(large, 1));
    }
    if (grown / base < best.ratio) best = { ratio: grown / base, base, grown };
  }
  expect(best.base).toBeGreaterThan(0.05); // the baseline measures real work, not a constant
  if (process.env.RULES_SCALING_VERBOSE)
    console.log(`${best.base.toFixed(2)} ms → ${best.grown.toFixed(2)} ms: ×${best.ratio.toFixed(1)}`);
  expect(best.ratio).toBeLessThanOrEqual(MAX_RATIO);
}

const rules = (n: number, make: (i: number) => RuleSet['rules'][number]) =>
  Array.from({ length: n }, (_, i) => make(i));

describe('validation time grows linearly with the input (10× input ≤ 30× time)', () => {
  it('many rules', () => {
    expectLinear((n) => aRuleSet({ rules: rules(n, (i) => aRule({ name: `regel-${i}` })) }), 100);
  });

  it('long lists: in-lists and list parameters', () => {
    expectLinear((n) => {
      const permits = Array.from({ length: n }, (_, i) => ['asiel', 'nareis', 'regulier'][i % 3] as string);
      const sizes = Array.from({ length: n }, (_, i) => i);
      const parameters: Record<string, Parameter> = {
        grootten: { type: 'number-list', value: sizes, label: { nl: 'Grootten', en: 'Sizes' } },
      };
      return aRuleSet({
        parameters,
        rules: [
          aRuleWith({
            all: [
              aFactCondition('permitType', 'in', permits),
              aFactCondition('householdSize', 'in', { param: 'grootten' }),
            ],
          }),
        ],
      });
    }, 400);
  });

  it('long strings', () => {
    expectLinear(
      (n) =>
        aRuleSet({
          rules: rules(20, (i) =>
            aRule({
              name: `regel-${i}`,
              title: 'T'.repeat(n),
              description: 'b'.repeat(n),
              legalBasis: `Art. ${'1'.repeat(n)}`,
            }),
          ),
        }),
      450,
    );
  });

  it('many named conditions shared by many rules', () => {
    expectLinear((n) => {
      const namedConditions: Record<string, TopLevelCondition> = {};
      for (let i = 0; i < n; i++)
        namedConditions[`c${i}`] = {
          all: [
            aFactCondition('householdSize', 'greaterThanInclusive', 1),
            ...(i > 0 && i % 8 !== 0 ? [{ condition: `c${i - 1}` }] : []),
          ],
        };
      return aRuleSet({
        namedConditions,
        rules: rules(n, (i) => aRuleWith({ condition: `c${i}` }, { name: `regel-${i}` })),
      });
    }, 80);
  });

  it('rules that all depend on one large named condition (the contradiction check)', () => {
    expectLinear((n) => {
      const large: Condition[] = Array.from({ length: 300 }, (_, i) =>
        aFactCondition('householdSize', 'lessThan', 1_000 + i),
      );
      return aRuleSet({
        namedConditions: { basis: { all: large } as TopLevelCondition },
        rules: rules(n, (i) => aRuleWith({ all: [{ condition: 'basis' }] }, { name: `regel-${i}` })),
      });
    }, 60);
  });

  it('many schema errors (grouping ajv errors by path)', () => {
    expectLinear(
      (n) => {
        const parameters: Record<string, Parameter> = {};
        for (let i = 0; i < n; i++)
          parameters[`p${i}`] = { type: 'number', value: { not: 'a value' } as never, label: { nl: 'x', en: 'x' } };
        return aRuleSet({ parameters });
      },
      90,
      false,
    );
  });
});
