import { compileRuleSet } from '../../../rules/compiler/compile-rule-set';
import type { TopLevelCondition } from '../../../rules/condition-schema';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { RulesError } from '../../../rules/rules-error';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aFactCondition, aRule, aRuleSet, aRuleWith, PEILDATUM } from '../support/factories';

const raw = (value: unknown) => value as RuleSet;

/** The coded error a call throws; fails the test when it throws anything else or nothing. */
function codedError(run: () => unknown): { code: string; path: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    const e = error as RulesError;
    return { code: e.code, path: e.path };
  }
  throw new Error('expected a RulesError, nothing was thrown');
}

const compileRaw = (ruleSet: unknown) => compileRuleSet(raw(ruleSet), { skipValidation: true });

describe('the compiler on unvalidated input: coded errors with paths, never a TypeError or RangeError', () => {
  it('names \'not\' given a list at its path (json-rules-engine says "Unknown operator: undefined")', () => {
    const ruleSet = aRuleSet({ rules: [aRule({ conditions: { not: [aFactCondition()] } as never })] });
    expect(codedError(() => compileRaw(ruleSet))).toEqual({
      code: 'schema-violation',
      path: '/rules/0/conditions/not',
    });
    const nestedNot = aRuleSetWithAll({ not: [aFactCondition()] });
    expect(codedError(() => compileRaw(nestedNot))).toEqual({
      code: 'schema-violation',
      path: '/rules/0/conditions/all/0/not',
    });
    expect(validateRuleSet(ruleSet).errors.map((e) => [e.code, e.path, e.message.en])).toEqual([
      ['invalid-type', '/rules/0/conditions/not', 'Must be one object (not a list).'],
    ]);
  });

  it('refuses `in` with a number: at validation as a type mismatch, at evaluation as invalid-operand', () => {
    const ruleSet = aRuleSetWithAll(aFactCondition('householdSize', 'in', 4));
    expect(validateRuleSet(ruleSet).errors.map((e) => [e.code, e.path])).toEqual([
      ['value-type-mismatch', '/rules/0/conditions/all/0/value'],
    ]);
    const compiled = compileRaw(ruleSet);
    for (const explain of [false, true]) {
      expect(codedError(() => compiled.evaluate({ householdSize: 4 }, { peildatum: PEILDATUM, explain }))).toEqual({
        code: 'invalid-operand',
        path: '/rules/0/conditions/all/0/value',
      });
    }
  });

  it('turns whatever else an operator throws into evaluation-failed', () => {
    const compiled = compileRuleSet(aRuleSet());
    // parseFloat calls toString, which is not a function here: json-rules-engine throws a TypeError.
    const facts = { householdSize: { toString: 1 } };
    expect(codedError(() => compiled.evaluate(facts, { peildatum: PEILDATUM }))).toEqual({
      code: 'evaluation-failed',
      path: '',
    });
    expect(codedError(() => compiled.evaluate(null as never, { peildatum: PEILDATUM })).code).toBe('invalid-facts');
    expect(codedError(() => compiled.evaluate({}, { peildatum: { toString: 1 } as never })).code).toBe(
      'invalid-peildatum',
    );
  });

  it('applies the limits before it recurses: deep nesting and long reference chains', () => {
    let deep: unknown = aFactCondition();
    for (let i = 0; i < 5_000; i++) deep = { all: [deep] };
    expect(
      codedError(() => compileRaw(aRuleSet({ rules: [aRule({ conditions: deep as TopLevelCondition })] }))).code,
    ).toBe('invalid-rule-set');
    const namedConditions: Record<string, TopLevelCondition> = {};
    for (let i = 0; i < 1_000; i++)
      namedConditions[`c${i}`] = { all: [i === 999 ? aFactCondition() : { condition: `c${i + 1}` }] };
    const error = (() => {
      try {
        compileRaw(aRuleSet({ namedConditions, rules: [aRuleWith({ condition: 'c0' })] }));
      } catch (e) {
        return e as { issues?: Array<{ code: string }> };
      }
      return undefined;
    })();
    expect(error?.issues?.map((i) => i.code)).toEqual(['condition-chain-too-deep']);
  });

  it.each<[string, unknown, string]>([
    ['a rule set that is a list', [], ''],
    ['rules that are not a list', { ...aRuleSet(), rules: {} }, '/rules'],
    ['a kind that is not text', { ...aRuleSet(), kind: 5 }, '/kind'],
    ['parameters that are a list', { ...aRuleSet(), parameters: [] }, '/parameters'],
    ['a rule that is text', { ...aRuleSet(), rules: ['regel'] }, '/rules/0'],
    ['an event without a type', { ...aRuleSet(), rules: [{ ...aRule(), event: {} }] }, '/rules/0/event/type'],
    [
      'a priority whose String() throws',
      { ...aRuleSet(), rules: [aRule({ priority: { toString: 1 } as never })] },
      '/rules/0/priority',
    ],
    ['a condition that is a number', aRuleSetWithAll(7), '/rules/0/conditions/all/0'],
    [
      'a fact that is an object',
      aRuleSetWithAll({ fact: { toString: 1 }, operator: 'equal', value: 1 }),
      '/rules/0/conditions/all/0/fact',
    ],
    [
      'an operator that is missing',
      aRuleSetWithAll({ fact: 'householdSize', value: 1 }),
      '/rules/0/conditions/all/0/operator',
    ],
    [
      'a root that is neither group nor reference',
      { ...aRuleSet(), rules: [aRule({ conditions: { condition: 5 } as never })] },
      '/rules/0/conditions',
    ],
    ['a reference whose name is a number', aRuleSetWithAll({ condition: 5 }), '/rules/0/conditions/all/0/condition'],
    [
      'a named condition that is a list',
      { ...aRuleSet({ rules: [aRuleWith({ condition: 'x' })] }), namedConditions: { x: [] } },
      '/namedConditions/x',
    ],
  ])('refuses %s with schema-violation at its path', (_, ruleSet, path) => {
    expect(codedError(() => compileRaw(ruleSet))).toEqual({ code: 'schema-violation', path });
  });

  it('does not find a parameter named like a member of Object.prototype', () => {
    expect(
      codedError(() => compileRaw(aRuleSetWithAll(aFactCondition('householdSize', 'equal', { param: 'toString' }))))
        .code,
    ).toBe('unknown-parameter');
  });
});

function aRuleSetWithAll(condition: unknown): RuleSet {
  return aRuleSet({ rules: [aRuleWith({ all: [condition as never] })] });
}
