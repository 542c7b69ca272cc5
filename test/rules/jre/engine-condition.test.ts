import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-condition.test.js: shared, nested, top-level and undefined
// condition references, and how references are expanded in rule results.

const send = { type: 'checkSending', params: { sendRetirementPayment: true } };
const outreach = { type: 'triggerOutreach' };
const over60 = { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 60 }] };
const retired = { fact: 'isRetired', operator: 'equal', value: true };
const sendRule = { name: 'send', conditions: { all: [{ condition: 'over60' }, retired] }, event: send };

const cases: JreCase[] = [
  {
    name: 'an undefined condition fails the rule when allowUndefinedConditions',
    rules: [sendRule],
    options: { allowUndefinedConditions: true },
    facts: { isRetired: { value: true } },
    failureEvents: ['checkSending'],
    failureResults: [{ 'conditions.all[0].result': false, 'conditions.all[0].condition': 'over60' }],
  },
  {
    name: 'an undefined condition throws without allowUndefinedConditions',
    rules: [sendRule],
    facts: { isRetired: { value: true } },
    throws: { code: 'UNDEFINED_CONDITION', message: 'No condition over60 exists' },
  },
  {
    name: 'a condition shared by two rules',
    rules: [
      sendRule,
      {
        name: 'outreach',
        conditions: { all: [{ condition: 'over60' }, { fact: 'requestedOutreach', operator: 'equal', value: true }] },
        event: outreach,
      },
    ],
    conditions: { over60 },
    run: { age: 65, isRetired: true, requestedOutreach: true },
    events: ['checkSending', 'triggerOutreach'],
    results: [
      {
        'conditions.all[0].all[0].fact': 'age',
        'conditions.all[0].all[0].operator': 'greaterThanInclusive',
        'conditions.all[0].all[0].value': 60,
        'conditions.all[0].condition': undefined,
        'conditions.all[0].result': true,
      },
      { 'conditions.all[0].all[0].fact': 'age', 'conditions.all[0].all[0].factResult': 65 },
    ],
  },
  {
    name: 'a nested reference: a named condition that refers to another',
    rules: [
      {
        name: 'outreach',
        conditions: {
          all: [{ condition: 'earlyRetirement' }, { fact: 'requestedOutreach', operator: 'equal', value: true }],
        },
        event: outreach,
      },
    ],
    conditions: { over60, earlyRetirement: { all: [{ not: { condition: 'over60' } }, retired] } },
    run: { age: 55, isRetired: true, requestedOutreach: true },
    events: ['triggerOutreach'],
    results: [
      {
        'conditions.all[0].all[0].not.all[0].fact': 'age',
        'conditions.all[0].all[0].not.all[0].operator': 'greaterThanInclusive',
        'conditions.all[0].all[0].not.all[0].value': 60,
        'conditions.all[0].all[1].fact': 'isRetired',
        'conditions.all[0].all[1].operator': 'equal',
        'conditions.all[0].all[1].value': true,
      },
    ],
  },
  {
    name: 'a top-level condition reference',
    rules: [{ name: 'send', conditions: { condition: 'retired' }, event: send }],
    conditions: { retired: { all: [retired] } },
    facts: { isRetired: { value: true } },
    events: ['checkSending'],
    results: [{ 'conditions.result': true, 'conditions.all[0].result': true }],
  },
  {
    name: 'a top-level undefined reference with allowUndefinedConditions',
    rules: [{ name: 'send', conditions: { condition: 'nope' }, event: send }],
    options: { allowUndefinedConditions: true },
    failureEvents: ['checkSending'],
    failureResults: [{ 'conditions.condition': 'nope', 'conditions.result': false }],
  },
  {
    name: 'a reference in a skipped priority group stays unexpanded',
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 0, priority: 5 }, { condition: 'over60' }] },
        event: send,
      },
    ],
    conditions: { over60 },
    run: { age: 70 },
    failureResults: [{ 'conditions.all[1].condition': 'over60', 'conditions.all[1].all': undefined }],
  },
  {
    name: 'a condition replaced with setCondition is used by the next run',
    rules: [sendRule],
    conditions: { over60: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 70 }] } },
    run: { age: 65, isRetired: true },
    failureEvents: ['checkSending'],
  },
];

describe('Engine: condition references', () => {
  runCases(cases);

  it('refuses a named condition without all, any, not or condition at its root', () => {
    expect(() => new Engine().setCondition('test', { foo: true })).toThrow(
      '"conditions" root must contain a single instance of "all", "any", "not", or "condition"',
    );
  });

  it('removeCondition makes a reference undefined again', async () => {
    const engine = new Engine([sendRule], { allowUndefinedConditions: true });
    engine.setCondition('over60', over60);
    expect((await engine.run({ age: 65, isRetired: true })).events).toHaveLength(1);
    expect(engine.removeCondition('over60')).toBe(true);
    expect((await engine.run({ age: 65, isRetired: true })).events).toHaveLength(0);
  });

  it('a condition that refers to itself fails with a code instead of overflowing the stack', async () => {
    const engine = new Engine([{ conditions: { condition: 'loop' }, event: send }]);
    engine.setCondition('loop', { all: [{ condition: 'loop' }] });
    await expect(engine.run({})).rejects.toMatchObject({ code: 'CIRCULAR_CONDITION' });
  });

  it('a chain of named conditions deeper than the limit fails with a code', async () => {
    const engine = new Engine([{ conditions: { condition: 'c0' }, event: send }]);
    for (let i = 0; i < 100; i++) engine.setCondition(`c${i}`, { all: [{ condition: `c${i + 1}` }] });
    engine.setCondition('c100', { all: [] });
    await expect(engine.run({})).rejects.toMatchObject({ code: 'CONDITION_TOO_DEEP' });
  });

  it('conditions nested deeper than the limit are refused when added', () => {
    let deep: Record<string, unknown> = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 1000; i++) deep = { not: deep };
    expect(() => new Engine().addRule({ conditions: deep, event: send })).toThrow(
      expect.objectContaining({ code: 'CONDITION_TOO_DEEP' }),
    );
  });
});
