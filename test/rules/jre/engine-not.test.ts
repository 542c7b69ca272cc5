import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-not.test.js, with nesting and results added.

const event = { type: 'ageTrigger', params: { demographic: 'under50' } };
const notOver50 = [
  { name: 'r', conditions: { not: { fact: 'age', operator: 'greaterThanInclusive', value: 50 } }, event },
];

const cases: JreCase[] = [
  {
    name: 'a single "not": fires when the condition fails',
    rules: notOver50,
    facts: { age: { compute: () => 10 } },
    events: ['ageTrigger'],
  },
  {
    name: 'a single "not": does not fire when the condition holds',
    rules: notOver50,
    facts: { age: { compute: () => 75 } },
    events: [],
  },
  {
    name: "the rule result keeps the negated condition's own result",
    rules: notOver50,
    run: { age: 10 },
    results: [
      { result: true, 'conditions.not.result': false, 'conditions.not.factResult': 10, 'conditions.result': undefined },
    ],
  },
  {
    name: 'not over all',
    rules: [
      {
        name: 'r',
        conditions: {
          not: {
            all: [
              { fact: 'a', operator: 'equal', value: 1 },
              { fact: 'b', operator: 'equal', value: 2 },
            ],
          },
        },
        event,
      },
    ],
    run: { a: 1, b: 3 },
    events: ['ageTrigger'],
  },
  {
    name: 'not over an empty any is false',
    rules: [{ name: 'r', conditions: { not: { any: [] } }, event }],
    events: [],
  },
  {
    name: 'double negation',
    rules: [{ name: 'r', conditions: { all: [{ not: { not: { fact: 'a', operator: 'equal', value: 1 } } }] }, event }],
    run: { a: 1 },
    events: ['ageTrigger'],
    results: [{ 'conditions.all[0].result': true, 'conditions.all[0].not.result': false }],
  },
];

describe('Engine: "not" conditions', () => {
  runCases(cases);
  it('refuses "not" with an array, as json-rules-engine does', () => {
    expect(() => new Engine().addRule({ conditions: { not: [] }, event: { type: 'x' } })).toThrow(
      '"not" cannot be an array',
    );
    expect(() => new Engine().addRule({ conditions: { all: {} }, event: { type: 'x' } })).toThrow(
      '"all" must be an array',
    );
  });
});
