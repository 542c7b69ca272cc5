import { compileRuleSet } from '../../rules/compiler/compile-rule-set';
import { evaluate } from '../../rules/evaluate';
import { coerceFactValue } from '../../rules/facts/facts-schema';
import { housingPriorityCatalog } from '../../rules/facts/housing-priority-catalog';
import { InvalidFactsError } from '../../rules/facts/invalid-facts-error';
import { aFactCondition, aRuleSetWith, PEILDATUM } from './support/factories';

const largeFamily = aRuleSetWith({ all: [aFactCondition('householdSize', 'greaterThanInclusive', 4)] });
const lowIncome = aRuleSetWith({
  all: [aFactCondition('annualIncome', 'lessThanInclusive', { param: 'inkomensgrens' })],
});

function refusal(run: () => unknown): InvalidFactsError {
  try {
    run();
  } catch (err) {
    if (err instanceof InvalidFactsError) return err;
    throw err;
  }
  throw new Error('expected the facts to be refused');
}

describe('evaluate() validates the facts on every call and never coerces them', () => {
  it('refuses a number given as text instead of letting "5" pass "at least 4"', () => {
    const err = refusal(() => evaluate(largeFamily, { householdSize: '5' }, { peildatum: PEILDATUM }));
    expect(err.code).toBe('invalid-facts');
    expect(err.issues).toEqual([expect.objectContaining({ code: 'value-type-mismatch', path: '/householdSize' })]);
    expect(err.issues[0]?.message.nl).toBe("'Huishoudgrootte' verwacht een geheel getal.");
    expect(err.toJSON()).toMatchObject({
      code: 'invalid-facts',
      path: '/householdSize',
      issues: [{ code: 'value-type-mismatch' }],
    });
  });

  it('refuses an amount written the Dutch way as text ("60.000")', () => {
    const err = refusal(() => evaluate(lowIncome, { annualIncome: '60.000' }, { peildatum: PEILDATUM }));
    expect(err.issues.map((i) => [i.code, i.path])).toEqual([['value-type-mismatch', '/annualIncome']]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the fact name %s with its own code', (name) => {
    const facts = JSON.parse(`{"${name}": {"householdSize": 9}, "householdSize": 5}`) as Record<string, unknown>;
    const err = refusal(() => evaluate(largeFamily, facts, { peildatum: PEILDATUM }));
    expect(err.issues).toEqual([expect.objectContaining({ code: 'forbidden-fact-name', path: `/${name}` })]);
  });

  it('refuses facts whose prototype carries values, null, out-of-range numbers, and a non-object', () => {
    const inherited = Object.create({ householdSize: 9 }) as Record<string, unknown>;
    expect(refusal(() => evaluate(largeFamily, inherited, { peildatum: PEILDATUM })).issues[0]?.code).toBe(
      'forbidden-fact-name',
    );
    expect(
      refusal(() => evaluate(largeFamily, { householdSize: null }, { peildatum: PEILDATUM })).issues[0]?.code,
    ).toBe('null-fact');
    expect(
      refusal(() => evaluate(largeFamily, { householdSize: 0 }, { peildatum: PEILDATUM })).issues[0],
    ).toMatchObject({ code: 'value-out-of-range', path: '/householdSize' });
    expect(
      refusal(() => evaluate(largeFamily, [] as unknown as Record<string, unknown>, { peildatum: PEILDATUM })).issues[0]
        ?.code,
    ).toBe('facts-not-an-object');
  });

  it('reads an undefined value as an unknown fact, as if left out', () => {
    expect(evaluate(largeFamily, { householdSize: undefined }, { peildatum: PEILDATUM }).events).toEqual([]);
    expect(evaluate(largeFamily, { householdSize: 5 }, { peildatum: PEILDATUM }).events).toHaveLength(1);
  });

  it('writes the rule set title and labels into the explanation', () => {
    const { explanation } = evaluate(lowIncome, { annualIncome: 20000 }, { peildatum: PEILDATUM, explain: true });
    expect(explanation?.ruleSet.title).toBe('Urgentieregeling Testdam');
    expect(explanation?.labels?.parameters.inkomensgrens).toEqual({ nl: 'Inkomensgrens', en: 'Income limit' });
    expect(explanation?.labels?.outcomes.priority?.label.nl).toBe('voorrang');
  });

  it('keeps the compiled evaluator as the documented fast path for facts checked elsewhere', () => {
    // Bulk simulation validates its cases once; the compiled evaluator then skips the per-call check.
    expect(compileRuleSet(largeFamily).evaluate({ householdSize: 5 }, { peildatum: PEILDATUM }).events).toHaveLength(1);
  });
});

describe('coerceFactValue reads only unambiguous text', () => {
  const income = housingPriorityCatalog.facts.annualIncome;
  it('reads decimals with a comma or a point, and Dutch thousands when a decimal comma makes them unambiguous', () => {
    expect(coerceFactValue(income, '30000,50')).toBe(30000.5);
    expect(coerceFactValue(income, '30000.5')).toBe(30000.5);
    expect(coerceFactValue(income, '30.000,50')).toBe(30000.5);
    expect(coerceFactValue(income, '1.000.000')).toBe(1000000);
  });
  it('leaves ambiguous or non-numeric text as text, so validation refuses it', () => {
    for (const text of ['60.000', '1e5', '0x10', 'Infinity', '€ 100', '12 000'])
      expect(coerceFactValue(income, text)).toBe(text);
  });
});
