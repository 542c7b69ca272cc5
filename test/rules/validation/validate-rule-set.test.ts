import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { aFactCondition, aRule, aRuleSet, aRuleSetWith, aRuleWith } from '../support/factories';

function issuesOf(input: unknown) {
  const result = validateRuleSet(input);
  return result.errors.map((e) => ({ code: e.code, path: e.path }));
}

function withRaw(mutate: (doc: Record<string, unknown> & RuleSet) => void): unknown {
  const doc = JSON.parse(JSON.stringify(aRuleSet())) as Record<string, unknown> & RuleSet;
  mutate(doc);
  return doc;
}

describe('validateRuleSet', () => {
  it('accepts a well-formed rule set without errors', () => {
    expect(validateRuleSet(aRuleSet())).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('gives every error a Dutch and an English message', () => {
    const { errors } = validateRuleSet(aRuleSetWith({ all: [aFactCondition('schoenmaat')] }));
    expect(errors[0]?.message.nl).toMatch(/schoenmaat/);
    expect(errors[0]?.message.en).toMatch(/schoenmaat/);
  });

  describe('schema errors point at the property', () => {
    it('reports a missing property', () => {
      expect(
        issuesOf(
          withRaw((d) => {
            delete (d.rules[0] as Partial<(typeof d.rules)[0]>).legalBasis;
          }),
        ),
      ).toEqual([{ code: 'missing-property', path: '/rules/0/legalBasis' }]);
    });
    it('reports an unknown property', () => {
      expect(
        issuesOf(
          withRaw((d) => {
            (d.rules[0] as unknown as Record<string, unknown>).salience = 3;
          }),
        ),
      ).toEqual([{ code: 'unknown-property', path: '/rules/0/salience' }]);
    });
    it('reports a wrong JSON type', () => {
      expect(
        issuesOf(
          withRaw((d) => {
            (d as Record<string, unknown>).version = 'een';
          }),
        ),
      ).toEqual([{ code: 'invalid-type', path: '/version' }]);
    });
    it('reports a value outside a literal union once, naming the allowed values', () => {
      const result = validateRuleSet(
        withRaw((d) => {
          (d as Record<string, unknown>).status = 'live';
        }),
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ code: 'invalid-value', path: '/status' });
      expect(result.errors[0]?.message.en).toContain("'published'");
    });
    it('reports only the errors of the condition kind the designer meant', () => {
      expect(
        issuesOf(
          withRaw((d) => {
            d.rules[0]!.conditions = { all: [{ fact: 'householdSize', operator: 'equal' }] } as never;
          }),
        ),
      ).toEqual([{ code: 'missing-property', path: '/rules/0/conditions/all/0/value' }]);
    });
    it('reports a date that is not a date', () => {
      expect(
        issuesOf(
          withRaw((d) => {
            d.effectiveFrom = '01-01-2026';
          }),
        ),
      ).toEqual([{ code: 'invalid-value', path: '/effectiveFrom' }]);
    });
  });

  describe('facts, operators and values', () => {
    it('rejects a fact outside the catalog', () => {
      expect(issuesOf(aRuleSetWith({ all: [aFactCondition('schoenmaat')] }))).toEqual([
        { code: 'unknown-fact', path: '/rules/0/conditions/all/0/fact' },
      ]);
    });
    it('rejects an operator that does not exist', () => {
      expect(issuesOf(aRuleSetWith({ all: [aFactCondition('householdSize', 'atLeast', 4)] }))).toEqual([
        { code: 'unknown-operator', path: '/rules/0/conditions/all/0/operator' },
      ]);
    });
    it('rejects an operator that does not fit the fact type', () => {
      expect(issuesOf(aRuleSetWith({ all: [aFactCondition('medicalUrgency', 'greaterThan', 1)] }))).toEqual([
        { code: 'operator-not-allowed', path: '/rules/0/conditions/all/0/operator' },
      ]);
    });
    it('rejects a value of the wrong type', () => {
      expect(issuesOf(aRuleSetWith({ all: [aFactCondition('householdSize', 'greaterThan', '4')] }))).toEqual([
        { code: 'value-type-mismatch', path: '/rules/0/conditions/all/0/value' },
      ]);
    });
    it('rejects text where `in` needs a list, because json-rules-engine would test for a substring', () => {
      const result = validateRuleSet(aRuleSetWith({ all: [aFactCondition('permitType', 'in', 'asiel,nareis')] }));
      expect(result.errors.map((e) => e.code)).toEqual(['value-type-mismatch']);
      expect(result.errors[0]?.message.en).toMatch(/substring/);
    });
    it('rejects an enum value the catalog does not list', () => {
      expect(issuesOf(aRuleSetWith({ all: [aFactCondition('permitType', 'equal', 'asylum')] }))).toEqual([
        { code: 'value-not-allowed', path: '/rules/0/conditions/all/0/value' },
      ]);
    });
    it('rejects an unknown parameter', () => {
      expect(
        issuesOf(
          aRuleSetWith({ all: [aFactCondition('annualIncome', 'lessThanInclusive', { param: 'inkomensgrns' })] }),
        ),
      ).toEqual([{ code: 'unknown-parameter', path: '/rules/0/conditions/all/0/value/param' }]);
    });
    it('rejects a parameter whose unit differs from the fact unit', () => {
      const ruleSet = aRuleSetWith(
        { all: [aFactCondition('annualIncome', 'lessThanInclusive', { param: 'maandgrens' })] },
        {
          parameters: {
            maandgrens: {
              type: 'number',
              value: 4000,
              unit: 'EUR/maand',
              label: { nl: 'Maandgrens', en: 'Monthly limit' },
            },
          },
        },
      );
      expect(issuesOf(ruleSet)).toEqual([{ code: 'unit-mismatch', path: '/rules/0/conditions/all/0/value/param' }]);
    });
    it('rejects a parameter value that does not match its declared type', () => {
      const ruleSet = aRuleSet({
        parameters: { grens: { type: 'number', value: 'veel', label: { nl: 'Grens', en: 'Limit' } } },
      });
      expect(issuesOf(ruleSet)).toEqual([{ code: 'parameter-type-mismatch', path: '/parameters/grens/value' }]);
    });
    it('rejects a unit it does not know', () => {
      const ruleSet = aRuleSet({
        parameters: { grens: { type: 'number', value: 3, unit: 'florijn', label: { nl: 'Grens', en: 'Limit' } } },
      });
      expect(issuesOf(ruleSet)).toEqual([{ code: 'unknown-unit', path: '/parameters/grens/unit' }]);
    });
    it('rejects a bare fact condition at the root of a rule', () => {
      expect(issuesOf(aRuleSetWith(aFactCondition() as never))).toEqual([
        { code: 'root-not-group', path: '/rules/0/conditions' },
      ]);
    });
  });

  describe('references and rule structure', () => {
    it('rejects a reference to a named condition that does not exist', () => {
      expect(issuesOf(aRuleSetWith({ all: [{ condition: 'inkomenOk' }] }))).toEqual([
        { code: 'unknown-condition-reference', path: '/rules/0/conditions/all/0/condition' },
      ]);
    });
    it('rejects named conditions that refer to each other in a cycle', () => {
      const ruleSet = aRuleSetWith(
        { all: [{ condition: 'a' }] },
        { namedConditions: { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } } },
      );
      expect(issuesOf(ruleSet)).toEqual([
        { code: 'condition-reference-cycle', path: '/namedConditions/a' },
        { code: 'condition-reference-cycle', path: '/namedConditions/b' },
      ]);
    });
    it('rejects two rules with the same name', () => {
      expect(issuesOf(aRuleSet({ rules: [aRule(), aRule()] }))).toEqual([
        { code: 'duplicate-rule-name', path: '/rules/1/name' },
      ]);
    });
    it('rejects a priority that json-rules-engine truncates to zero', () => {
      expect(issuesOf(aRuleSet({ rules: [aRule({ priority: 0.5 })] }))).toEqual([
        { code: 'invalid-priority', path: '/rules/0/priority' },
      ]);
    });
    it('rejects an end date before the start date', () => {
      expect(issuesOf(aRuleSet({ effectiveUntil: '2025-12-31' }))).toEqual([
        { code: 'invalid-period', path: '/effectiveUntil' },
      ]);
    });
    it('warns that a decimal priority is truncated', () => {
      const result = validateRuleSet(aRuleSet({ rules: [aRule({ priority: 2.5 })] }));
      expect(result.valid).toBe(true);
      expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['priority-truncated', '/rules/0/priority']]);
    });
    it('warns about a legal basis still holding a template placeholder', () => {
      const result = validateRuleSet(aRuleSet({ rules: [aRule({ legalBasis: 'art. {{artikel}}' })] }));
      expect(result.warnings.map((w) => [w.code, w.path])).toEqual([
        ['legal-basis-placeholder', '/rules/0/legalBasis'],
      ]);
    });
  });

  describe('rules that can never fire', () => {
    const neverFires = (conditions: Condition[], extra: Partial<RuleSet> = {}) =>
      issuesOf(aRuleSetWith({ all: conditions }, extra));
    type Condition = ReturnType<typeof aFactCondition>;

    it('detects an empty numeric range', () => {
      expect(neverFires([aFactCondition('age', 'greaterThan', 65), aFactCondition('age', 'lessThan', 18)])).toEqual([
        { code: 'rule-never-fires', path: '/rules/0/conditions' },
      ]);
    });
    it('detects two different required values', () => {
      expect(
        neverFires([aFactCondition('permitType', 'equal', 'asiel'), aFactCondition('permitType', 'equal', 'nareis')]),
      ).toEqual([{ code: 'rule-never-fires', path: '/rules/0/conditions' }]);
    });
    it('detects a value required and forbidden at once', () => {
      expect(
        neverFires([
          aFactCondition('medicalUrgency', 'equal', true),
          aFactCondition('medicalUrgency', 'notEqual', true),
        ]),
      ).toEqual([{ code: 'rule-never-fires', path: '/rules/0/conditions' }]);
    });
    it('detects a required value outside a list', () => {
      expect(
        neverFires([
          aFactCondition('permitType', 'in', ['asiel', 'nareis']),
          aFactCondition('permitType', 'equal', 'regulier'),
        ]),
      ).toEqual([{ code: 'rule-never-fires', path: '/rules/0/conditions' }]);
    });
    it('follows named conditions and parameters', () => {
      const extra = {
        namedConditions: {
          volwassen: { all: [aFactCondition('age', 'greaterThanInclusive', { param: 'minimumLeeftijd' })] },
        },
      };
      expect(neverFires([{ condition: 'volwassen' }, aFactCondition('age', 'lessThan', 18)], extra)).toEqual([
        { code: 'rule-never-fires', path: '/rules/0/conditions' },
      ]);
    });
    it('does not flag alternatives under any', () => {
      expect(
        issuesOf(
          aRuleSetWith({ any: [aFactCondition('age', 'greaterThan', 65), aFactCondition('age', 'lessThan', 18)] }),
        ),
      ).toEqual([]);
    });
    it('does not flag a touching inclusive range', () => {
      expect(
        neverFires([aFactCondition('age', 'greaterThanInclusive', 18), aFactCondition('age', 'lessThanInclusive', 18)]),
      ).toEqual([]);
    });
  });

  it('accepts nested groups, not, references and custom date operators', () => {
    const ruleSet = aRuleSet({
      namedConditions: { gekoppeld: { all: [aFactCondition('koppelingDate', 'withinDays', 90)] } },
      rules: [
        aRuleWith({
          any: [
            { not: aFactCondition('rentArrears', 'equal', true) },
            { all: [{ condition: 'gekoppeld' }, aFactCondition('permitDate', 'dateOnOrAfter', '2025-01-01')] },
          ],
        }),
      ],
    });
    expect(validateRuleSet(ruleSet).errors).toEqual([]);
  });

  it('reports all problems of a rule, not only the first', () => {
    expect(
      issuesOf(
        aRuleSetWith({ all: [aFactCondition('schoenmaat'), aFactCondition('householdSize', 'equal', 'vier')] }),
      ).map((i) => i.code),
    ).toEqual(['unknown-fact', 'value-type-mismatch']);
  });
});
