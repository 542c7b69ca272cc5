import { compileRuleSet } from '../../../rules/compiler/compile-rule-set';
import type { TopLevelCondition } from '../../../rules/condition-schema';
import { createReferenceEngine } from '../../../rules/reference-engine';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { aFactCondition, aRule, aRuleSet, aRuleSetWith, PEILDATUM } from '../support/factories';

// Each edge of json-rules-engine 7 (node_modules/json-rules-engine/dist) that design.md names, checked
// on both paths: the reference engine shows the edge is real, the compiler shows we kept it.

async function bothFire(
  ruleSet: RuleSet,
  facts: Record<string, unknown>,
  allowUndefinedFacts = true,
): Promise<[boolean, boolean]> {
  const reference = await createReferenceEngine(ruleSet, { peildatum: PEILDATUM, allowUndefinedFacts }).run(facts);
  const compiled = compileRuleSet(ruleSet, { skipValidation: true, allowUndefinedFacts }).evaluate(facts, {
    peildatum: PEILDATUM,
  });
  return [reference.events.length > 0, compiled.events.length > 0];
}

const fires = (conditions: TopLevelCondition, facts: Record<string, unknown>) =>
  bothFire(aRuleSetWith(conditions), facts);

describe('json-rules-engine semantics the compiler keeps', () => {
  it('treats an empty any as true', async () => {
    expect(await fires({ any: [] }, {})).toEqual([true, true]);
  });

  it('treats an empty all as true', async () => {
    expect(await fires({ all: [] }, {})).toEqual([true, true]);
  });

  it('lets notEqual hold for an undefined fact', async () => {
    expect(await fires({ all: [aFactCondition('permitType', 'notEqual', 'asiel')] }, {})).toEqual([true, true]);
  });

  it('lets doesNotContain fail for an undefined fact', async () => {
    expect(await fires({ all: [aFactCondition('permitType', 'doesNotContain', 'asiel')] }, {})).toEqual([false, false]);
  });

  it('lets notIn hold for an undefined fact', async () => {
    expect(await fires({ all: [aFactCondition('permitType', 'notIn', ['asiel'])] }, {})).toEqual([true, true]);
  });

  it('tests `in` against a string value as a substring', async () => {
    expect(
      await fires({ all: [aFactCondition('permitType', 'in', 'asiel of nareis')] }, { permitType: 'sie' }),
    ).toEqual([true, true]);
  });

  it('compares numeric text as text: "5" < "10" is false', async () => {
    expect(await fires({ all: [aFactCondition('householdSize', 'lessThan', '10')] }, { householdSize: '5' })).toEqual([
      false,
      false,
    ]);
  });

  it('refuses a non-numeric fact for a numeric operator', async () => {
    expect(await fires({ all: [aFactCondition('householdSize', 'lessThan', 10)] }, { householdSize: 'abc' })).toEqual([
      false,
      false,
    ]);
  });

  it('throws on an undefined fact when undefined facts are not allowed, like json-rules-engine', async () => {
    const ruleSet = aRuleSetWith({ all: [aFactCondition('householdSize', 'equal', 4)] });
    await expect(
      createReferenceEngine(ruleSet, { peildatum: PEILDATUM, allowUndefinedFacts: false }).run({}),
    ).rejects.toThrow(/Undefined fact/);
    expect(() =>
      compileRuleSet(ruleSet, { allowUndefinedFacts: false }).evaluate({}, { peildatum: PEILDATUM }),
    ).toThrow(expect.objectContaining({ code: 'undefined-fact' }));
  });

  describe('rule priorities', () => {
    const ordered = (priorities: Array<number | undefined>) =>
      aRuleSet({
        rules: priorities.map((priority, i) =>
          aRule({
            name: `r${i}`,
            ...(priority === undefined ? {} : { priority }),
            conditions: { all: [] },
            event: { type: `e${i}` },
          }),
        ),
      });

    it('turns priority 0 into 1 and 2.5 into 2', async () => {
      const ruleSet = ordered([0, 2.5, 1, 3]);
      const reference = await createReferenceEngine(ruleSet, { peildatum: PEILDATUM }).run({});
      const byName = Object.fromEntries(reference.results.map((r) => [r.name, r.priority]));
      expect(byName).toEqual({ r0: 1, r1: 2, r2: 1, r3: 3 });
      const { explanation } = compileRuleSet(ruleSet).evaluate({}, { peildatum: PEILDATUM, explain: true });
      expect(explanation?.rules.map((r) => [r.name, r.priority])).toEqual([
        ['r3', 3],
        ['r1', 2],
        ['r0', 1],
        ['r2', 1],
      ]);
    });

    it('reports events by priority, and in declaration order within one priority', () => {
      const { events } = compileRuleSet(ordered([1, 5, undefined, 5, 2])).evaluate({}, { peildatum: PEILDATUM });
      expect(events.map((e) => e.type)).toEqual(['e1', 'e3', 'e4', 'e0', 'e2']);
    });
  });

  describe('condition priorities', () => {
    const prioritised: TopLevelCondition = {
      all: [
        { ...aFactCondition('householdSize', 'greaterThanInclusive', 4), priority: 1 },
        { ...aFactCondition('medicalUrgency', 'equal', true), priority: 10 },
      ],
    };

    it('skips lower-priority conditions once a higher group decides, and says so', async () => {
      const ruleSet = aRuleSetWith(prioritised);
      const reference = await createReferenceEngine(ruleSet, { peildatum: PEILDATUM }).run({
        householdSize: 5,
        medicalUrgency: false,
      });
      const referenceConditions = (reference.results[0]?.conditions as unknown as { all: Array<{ result?: boolean }> })
        .all;
      expect(referenceConditions.map((c) => c.result)).toEqual([undefined, false]);
      const { explanation } = compileRuleSet(ruleSet).evaluate(
        { householdSize: 5, medicalUrgency: false },
        { peildatum: PEILDATUM, explain: true },
      );
      const conditions = explanation?.rules[0]?.conditions;
      expect(conditions?.kind === 'all' && conditions.conditions.map((c) => c.status)).toEqual([
        'not-evaluated',
        'failed',
      ]);
    });

    it('evaluates every condition of one priority group, as json-rules-engine does', () => {
      const ruleSet = aRuleSetWith({
        all: [
          aFactCondition('householdSize', 'greaterThanInclusive', 4),
          aFactCondition('medicalUrgency', 'equal', true),
        ],
      });
      const { explanation } = compileRuleSet(ruleSet).evaluate(
        { householdSize: 2, medicalUrgency: true },
        { peildatum: PEILDATUM, explain: true },
      );
      const conditions = explanation?.rules[0]?.conditions;
      expect(conditions?.kind === 'all' && conditions.conditions.map((c) => c.status)).toEqual(['failed', 'held']);
    });
  });

  describe('custom date operators, registered once for both paths', () => {
    it.each([
      ['dateBefore', '2026-01-01', '2025-12-31', true],
      ['dateBefore', '2026-01-01', '2026-01-01', false],
      ['dateOnOrBefore', '2026-01-01', '2026-01-01', true],
      ['dateAfter', '2026-01-01', '2026-01-02', true],
      ['dateOnOrAfter', '2026-01-01', '2025-12-31', false],
      ['withinDays', 31, '2026-01-01', true],
      ['withinDays', 30, '2026-01-01', false],
      ['moreThanDaysAgo', 30, '2026-01-01', true],
      ['moreThanDaysAgo', 31, '2026-01-01', false],
      ['dateAfter', '2026-01-01', 'gisteren', false],
    ])('%s %p with %p gives %p', async (operator, value, fact, expected) => {
      expect(await fires({ all: [aFactCondition('permitDate', operator, value)] }, { permitDate: fact })).toEqual([
        expected,
        expected,
      ]);
    });
  });
});
