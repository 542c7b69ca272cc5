import type { Condition, TopLevelCondition } from '../../../rules/condition-schema';
import type { Rule, RuleSet } from '../../../rules/rule-set-schema';

export function aFactCondition(
  fact = 'householdSize',
  operator = 'greaterThanInclusive',
  value: unknown = 4,
): Condition {
  return { fact, operator, value: value as never };
}

export function aRule(overrides: Partial<Rule> = {}): Rule {
  return {
    name: 'grote-gezinnen',
    title: 'Grote gezinnen',
    description: 'Huishoudens van vier of meer personen.',
    legalBasis: 'Huisvestingsverordening Testdam 2026, art. 2.1',
    conditions: { all: [aFactCondition()] },
    event: { type: 'priority', params: { category: 'large-family' } },
    ...overrides,
  };
}

export function aRuleWith(conditions: TopLevelCondition, overrides: Partial<Rule> = {}): Rule {
  return aRule({ conditions, ...overrides });
}

export function aRuleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'testdam-urgentie',
    tenant: 'GM9999',
    kind: 'housing-priority',
    version: 1,
    status: 'published',
    effectiveFrom: '2026-01-01',
    title: 'Urgentieregeling Testdam',
    parameters: {
      inkomensgrens: {
        type: 'number',
        value: 51537,
        unit: 'EUR/jaar',
        label: { nl: 'Inkomensgrens', en: 'Income limit' },
      },
      minimumLeeftijd: {
        type: 'integer',
        value: 18,
        unit: 'jaar',
        label: { nl: 'Minimumleeftijd', en: 'Minimum age' },
      },
    },
    rules: [aRule()],
    ...overrides,
  };
}

/** A rule set with one rule over the given conditions. */
export function aRuleSetWith(conditions: TopLevelCondition, extra: Partial<RuleSet> = {}): RuleSet {
  return aRuleSet({ rules: [aRuleWith(conditions)], ...extra });
}

export const PEILDATUM = '2026-02-01';
