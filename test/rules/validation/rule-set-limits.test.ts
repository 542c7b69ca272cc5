import type { Condition, TopLevelCondition } from '../../../rules/condition-schema';
import { evaluate } from '../../../rules/evaluate';
import { limitIssues } from '../../../rules/validation/check-limits';
import { RULE_SET_LIMITS } from '../../../rules/validation/rule-set-limits';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aFactCondition, aRule, aRuleSet, aRuleWith, PEILDATUM } from '../support/factories';

const codes = (input: unknown) => validateRuleSet(input).errors.map((e) => ({ code: e.code, path: e.path }));

/** `levels` condition nodes from the root down: all groups, and a fact condition at the bottom. */
function nested(levels: number): TopLevelCondition {
  let c: Condition = aFactCondition('householdSize', 'greaterThanInclusive', 4);
  for (let i = 1; i < levels; i++) c = { all: [c] };
  return c as TopLevelCondition;
}

/** rule → c0 → c1 → … → c{n-1}: a chain of n references. */
function chain(n: number) {
  const namedConditions: Record<string, TopLevelCondition> = {};
  for (let i = 0; i < n; i++)
    namedConditions[`c${i}`] = i === n - 1 ? { all: [aFactCondition()] } : { all: [{ condition: `c${i + 1}` }] };
  return aRuleSet({ namedConditions, rules: [aRuleWith({ condition: 'c0' })] });
}

const raw = (text: string): unknown => JSON.parse(text) as unknown;

describe('rule-set limits, checked before any recursion', () => {
  it('accepts conditions nested exactly to the limit and evaluates them', () => {
    const ruleSet = aRuleSet({ rules: [aRuleWith(nested(RULE_SET_LIMITS.conditionDepth))] });
    expect(validateRuleSet(ruleSet).errors).toEqual([]);
    expect(evaluate(ruleSet, { householdSize: 5 }, { peildatum: PEILDATUM, explain: true }).events).toHaveLength(1);
  });

  it.each([RULE_SET_LIMITS.conditionDepth + 1, 1_000, 100_000])(
    'refuses conditions nested %i levels deep with nesting-too-deep, not a stack overflow',
    (levels) => {
      const issues = codes(aRuleSet({ rules: [aRuleWith(nested(levels))] }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.code).toBe('nesting-too-deep');
      // The path names the first condition past the limit.
      expect(issues[0]?.path).toBe('/rules/0/conditions' + '/all/0'.repeat(RULE_SET_LIMITS.conditionDepth));
    },
  );

  it('counts not and a list given to not as nesting too', () => {
    let c: unknown = aFactCondition();
    for (let i = 0; i < 1_000; i++) c = i % 2 === 0 ? { not: c } : { not: [c] };
    expect(codes(aRuleSet({ rules: [aRule({ conditions: c as TopLevelCondition })] }))[0]?.code).toBe(
      'nesting-too-deep',
    );
  });

  it('accepts a chain of references at the limit and evaluates it', () => {
    const ruleSet = chain(RULE_SET_LIMITS.referenceChain);
    expect(validateRuleSet(ruleSet).errors).toEqual([]);
    expect(evaluate(ruleSet, { householdSize: 5 }, { peildatum: PEILDATUM, explain: true }).events).toHaveLength(1);
  });

  it('refuses a chain one longer at the rule that starts it', () => {
    expect(codes(chain(RULE_SET_LIMITS.referenceChain + 1))).toEqual([
      { code: 'condition-chain-too-deep', path: '/rules/0/conditions' },
    ]);
  });

  it('refuses a chain of 1,000 named conditions once, where it starts, before evaluation can overflow', () => {
    const ruleSet = chain(1_000);
    expect(codes(ruleSet)).toEqual([{ code: 'condition-chain-too-deep', path: '/namedConditions/c0' }]);
    expect(() => evaluate(ruleSet, { householdSize: 5 }, { peildatum: PEILDATUM })).toThrow(
      expect.objectContaining({ code: 'invalid-rule-set' }),
    );
  });

  it('still reports a reference cycle as a cycle', () => {
    const ruleSet = aRuleSet({
      namedConditions: { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } },
      rules: [aRuleWith({ condition: 'a' })],
    });
    expect(codes(ruleSet).map((i) => i.code)).toEqual(['condition-reference-cycle', 'condition-reference-cycle']);
  });

  it('ends on an object that contains itself', () => {
    const loop: { all: unknown[] } = { all: [] };
    loop.all.push(loop);
    expect(codes(aRuleSet({ rules: [aRule({ conditions: loop as TopLevelCondition })] }))[0]?.code).toBe(
      'nesting-too-deep',
    );
    const params: Record<string, unknown> = {};
    params.self = params;
    expect(codes(aRuleSet({ rules: [aRule({ event: { type: 'x', params } })] }))[0]?.code).toBe('value-too-deep');
  });

  it('ends on shared objects that would multiply into an exponential walk', () => {
    let params: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 30; i++) params = { a: params, b: params };
    expect(codes(aRuleSet({ rules: [aRule({ event: { type: 'x', params } })] }))).toEqual([
      { code: 'rule-set-too-large', path: '' },
    ]);
  });

  it('refuses too many rules, too many conditions, long lists, long strings, wide objects and large documents', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => aRule({ name: `r${i}` }));
    expect(codes(aRuleSet({ rules: many(RULE_SET_LIMITS.rules + 1) }))).toEqual([
      { code: 'too-many-rules', path: '/rules' },
    ]);
    const wide = { any: Array.from({ length: 4_000 }, () => aFactCondition()) } as TopLevelCondition;
    expect(
      codes(aRuleSet({ rules: [aRuleWith(wide), aRuleWith(wide, { name: 'b' }), aRuleWith(wide, { name: 'c' })] }))[0]
        ?.code,
    ).toBe('too-many-conditions');
    const longList = aFactCondition(
      'permitType',
      'in',
      Array.from({ length: RULE_SET_LIMITS.listLength + 1 }, () => 'asiel'),
    );
    expect(codes(aRuleSet({ rules: [aRuleWith({ all: [longList] })] }))).toEqual([
      { code: 'list-too-long', path: '/rules/0/conditions/all/0/value' },
    ]);
    expect(codes(aRuleSet({ title: 'x'.repeat(RULE_SET_LIMITS.stringLength + 1) }))).toEqual([
      { code: 'string-too-long', path: '/title' },
    ]);
    const params = Object.fromEntries(Array.from({ length: RULE_SET_LIMITS.properties + 1 }, (_, i) => [`p${i}`, i]));
    expect(codes(aRuleSet({ rules: [aRule({ event: { type: 'x', params } })] }))).toEqual([
      { code: 'too-many-properties', path: '/rules/0/event/params' },
    ]);
    const big = Array.from({ length: 200 }, (_, i) => aRule({ name: `r${i}`, description: 'x'.repeat(9_000) }));
    expect(codes(aRuleSet({ rules: big }))).toEqual([{ code: 'rule-set-too-large', path: '' }]);
  });

  it('accepts what stays within every limit', () => {
    const list = Array.from({ length: RULE_SET_LIMITS.listLength }, () => 'asiel');
    const ruleSet = aRuleSet({
      description: 'x'.repeat(RULE_SET_LIMITS.stringLength),
      rules: [aRuleWith({ all: [aFactCondition('permitType', 'in', list)] })],
    });
    expect(validateRuleSet(ruleSet).errors).toEqual([]);
  });
});

describe('finite numbers only', () => {
  it.each([
    ['a condition value', '"value":7', '"value":1e999', '/rules/0/conditions/all/0/value'],
    ['a parameter value', '"value":51537', '"value":-1e999', '/parameters/inkomensgrens/value'],
    ['a rule priority', '"priority":7', '"priority":1e999', '/rules/0/priority'],
    ['an event param', '"n":7', '"n":1e999', '/rules/0/event/params/n'],
  ])('refuses 1e999 (Infinity after JSON.parse) in %s', (_, find, replace, path) => {
    const text = JSON.stringify(
      aRuleSet({
        rules: [
          aRule({
            priority: 7,
            conditions: { all: [aFactCondition('householdSize', 'greaterThan', 7)] },
            event: { type: 'x', params: { n: 7 } },
          }),
        ],
      }),
    );
    expect(text).toContain(find);
    expect(codes(raw(text.replace(find, replace)))).toEqual([{ code: 'number-not-finite', path }]);
  });

  it('refuses NaN from a JavaScript caller', () => {
    expect(
      codes(aRuleSet({ rules: [aRuleWith({ all: [aFactCondition('householdSize', 'greaterThan', NaN)] })] })),
    ).toEqual([{ code: 'number-not-finite', path: '/rules/0/conditions/all/0/value' }]);
  });
});

describe('__proto__, constructor and prototype', () => {
  const text = JSON.stringify(
    aRuleSet({
      namedConditions: { basis: { all: [aFactCondition()] } },
      rules: [
        aRule({
          conditions: {
            all: [{ condition: 'basis' }, aFactCondition('householdSize', 'greaterThan', { param: 'inkomensgrens' })],
          },
        }),
      ],
    }),
  );
  it.each([
    ['a parameter name', '"inkomensgrens":{', '"__proto__":{', '/parameters/__proto__'],
    ['a named condition', '"basis":{', '"constructor":{', '/namedConditions/constructor'],
    ['an event param', '"category"', '"prototype"', '/rules/0/event/params/prototype'],
  ])('refuses them as %s (forbidden-key)', (_, find, replace, path) => {
    expect(text).toContain(find);
    expect(codes(raw(text.replace(find, replace)))).toContainEqual({ code: 'forbidden-key', path });
  });

  it.each([
    ['a fact name', '"fact":"householdSize"', '"fact":"constructor"', '/rules/0/conditions/all/1/fact'],
    ['a condition reference', '"condition":"basis"', '"condition":"__proto__"', '/rules/0/conditions/all/0/condition'],
    [
      'a parameter reference',
      '"param":"inkomensgrens"',
      '"param":"prototype"',
      '/rules/0/conditions/all/1/value/param',
    ],
  ])('refuses them as %s (forbidden-name)', (_, find, replace, path) => {
    expect(text).toContain(find);
    expect(codes(raw(text.replace(find, replace)))).toContainEqual({ code: 'forbidden-name', path });
  });

  it('refuses them as a segment of a fact path', () => {
    const withPath = { ...aFactCondition(), path: '$.address.__proto__.polluted' };
    expect(limitIssues(aRuleSet({ rules: [aRuleWith({ all: [withPath as Condition] })] })).map((i) => i.code)).toEqual([
      'forbidden-name',
    ]);
  });

  it('lets raw json-rules-engine rules name a fact constructor when names are not checked', () => {
    const ruleSet = aRuleSet({ rules: [aRuleWith({ all: [aFactCondition('constructor', 'equal', Infinity)] })] });
    expect(limitIssues(ruleSet, { names: false, numbers: false })).toEqual([]);
  });
});
