import { evaluate } from '../../../rules/evaluate';
import type { ConditionExplanation } from '../../../rules/explanation/explanation';
import { aFactCondition, aRuleSet, aRuleSetWith, PEILDATUM } from '../support/factories';

function flatten(node: ConditionExplanation): ConditionExplanation[] {
  switch (node.kind) {
    case 'fact':
      return [node];
    case 'not':
    case 'reference':
      return [node, ...flatten(node.condition)];
    default:
      return [node, ...node.conditions.flatMap(flatten)];
  }
}

describe('explanations', () => {
  const ruleSet = aRuleSetWith(
    {
      all: [
        aFactCondition('householdSize', 'greaterThanInclusive', 4),
        { condition: 'inkomenOk' },
        { not: aFactCondition('rentArrears', 'equal', true) },
      ],
    },
    {
      namedConditions: {
        inkomenOk: { all: [aFactCondition('annualIncome', 'lessThanInclusive', { param: 'inkomensgrens' })] },
      },
    },
  );

  it('records per condition the fact, operator, expected and actual value and whether it held', () => {
    const { explanation } = evaluate(
      ruleSet,
      { householdSize: 5, annualIncome: 60000, rentArrears: false },
      { peildatum: PEILDATUM, explain: true },
    );
    const facts = flatten(explanation!.rules[0]!.conditions).filter((n) => n.kind === 'fact');
    expect(facts).toEqual([
      {
        kind: 'fact',
        path: '/rules/0/conditions/all/0',
        fact: 'householdSize',
        operator: 'greaterThanInclusive',
        expected: 4,
        actual: 5,
        known: true,
        status: 'held',
      },
      {
        kind: 'fact',
        path: '/namedConditions/inkomenOk/all/0',
        fact: 'annualIncome',
        operator: 'lessThanInclusive',
        expected: 51537,
        parameter: 'inkomensgrens',
        actual: 60000,
        known: true,
        status: 'failed',
      },
      {
        kind: 'fact',
        path: '/rules/0/conditions/all/2/not',
        fact: 'rentArrears',
        operator: 'equal',
        expected: true,
        actual: false,
        known: true,
        status: 'failed',
      },
    ]);
    expect(explanation!.rules[0]).toMatchObject({
      name: 'grote-gezinnen',
      fired: false,
      legalBasis: expect.stringContaining('art. 2.1'),
    });
  });

  it('records which version was applied on which peildatum, and the facts used', () => {
    const { explanation } = evaluate(
      ruleSet,
      { householdSize: 5, annualIncome: 30000, rentArrears: false, permitType: 'asiel' },
      { peildatum: PEILDATUM, explain: true },
    );
    expect(explanation).toMatchObject({
      ruleSet: {
        id: 'testdam-urgentie',
        tenant: 'GM9999',
        kind: 'housing-priority',
        version: 1,
        effectiveFrom: '2026-01-01',
      },
      peildatum: PEILDATUM,
      facts: { householdSize: 5, annualIncome: 30000, rentArrears: false },
    });
    expect(explanation?.facts).not.toHaveProperty('permitType');
  });

  it('marks an unknown fact as not known, without an actual value', () => {
    const { explanation } = evaluate(ruleSet, {}, { peildatum: PEILDATUM, explain: true });
    const first = flatten(explanation!.rules[0]!.conditions)[1];
    expect(first).toMatchObject({ fact: 'householdSize', known: false, status: 'failed' });
    expect(first).not.toHaveProperty('actual');
  });

  it('computes derived facts from the peildatum and shows them as used', () => {
    const weeks = aRuleSetWith({ all: [aFactCondition('weeksSinceKoppeling', 'greaterThanInclusive', 12)] });
    const facts = { koppelingDate: '2025-11-01' };
    expect(evaluate(weeks, facts, { peildatum: '2026-01-24' }).events).toHaveLength(1);
    expect(evaluate(weeks, facts, { peildatum: '2026-01-23' }).events).toHaveLength(0);
    expect(evaluate(weeks, facts, { peildatum: '2026-01-24', explain: true }).explanation?.facts).toEqual({
      weeksSinceKoppeling: 12,
    });
  });

  it('gives the same events with and without an explanation', () => {
    const facts = { householdSize: 5, annualIncome: 30000, rentArrears: false };
    expect(evaluate(ruleSet, facts, { peildatum: PEILDATUM, explain: true }).events).toEqual(
      evaluate(ruleSet, facts, { peildatum: PEILDATUM }).events,
    );
  });

  it('is plain JSON: it survives a JSON round trip unchanged', () => {
    const result = evaluate(
      ruleSet,
      { householdSize: 5, annualIncome: 30000, rentArrears: false },
      { peildatum: PEILDATUM, explain: true },
    );
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('leaves disabled rules out of events and explanation', () => {
    const off = aRuleSet({ rules: [{ ...aRuleSet().rules[0]!, enabled: false }] });
    expect(evaluate(off, { householdSize: 5 }, { peildatum: PEILDATUM, explain: true })).toMatchObject({
      events: [],
      explanation: { rules: [] },
    });
  });

  it('does not let one caller change the event params another caller receives', () => {
    const first = evaluate(aRuleSet(), { householdSize: 5 }, { peildatum: PEILDATUM });
    expect(() => {
      (first.events[0]!.params as Record<string, unknown>).category = 'changed';
    }).toThrow();
    expect(evaluate(aRuleSet(), { householdSize: 5 }, { peildatum: PEILDATUM }).events[0]?.params).toEqual({
      category: 'large-family',
    });
  });

  it('rejects a peildatum that is not a date', () => {
    expect(() => evaluate(aRuleSet(), {}, { peildatum: '1-2-2026' })).toThrow(
      expect.objectContaining({ code: 'invalid-peildatum' }),
    );
  });

  it('refuses to evaluate an invalid rule set, listing its problems', () => {
    expect(() => evaluate(aRuleSetWith({ all: [aFactCondition('schoenmaat')] }), {}, { peildatum: PEILDATUM })).toThrow(
      expect.objectContaining({
        code: 'invalid-rule-set',
        issues: [expect.objectContaining({ code: 'unknown-fact' })],
      }),
    );
  });
});
