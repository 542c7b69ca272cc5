import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// json-rules-engine's built-in operators (test/operator.test.js, engine-operator.test.js, docs/rules.md
// "Operators") as a table: fact, operator, value, outcome. Plus custom operators and the edges
// docs/design.md names: "5" < "10" is false (text), `in` against a string is a substring test.

const table: Array<[unknown, string, unknown, boolean | 'throws']> = [
  [1, 'equal', 1, true],
  ['1', 'equal', 1, false],
  [null, 'equal', null, true],
  [true, 'notEqual', false, true],
  [1, 'notEqual', 1, false],
  [1, 'lessThan', 2, true],
  [2, 'lessThan', 2, false],
  [2, 'lessThanInclusive', 2, true],
  [3, 'lessThanInclusive', 2, false],
  [3, 'greaterThan', 2, true],
  [2, 'greaterThan', 2, false],
  [2, 'greaterThanInclusive', 2, true],
  [1, 'greaterThanInclusive', 2, false],
  ['5', 'lessThan', '10', false],
  ['5', 'lessThan', 10, true],
  ['abc', 'lessThan', 'b', false],
  [null, 'greaterThanInclusive', -1, false],
  ['10px', 'greaterThan', 5, false],
  ['10', 'greaterThan', 5, true],
  [true, 'greaterThan', 0, false],
  [[3], 'greaterThan', 2, true],
  [1, 'in', [1, 2], true],
  [3, 'in', [1, 2], false],
  ['b', 'in', 'abc', true],
  [1, 'in', 'a1', true],
  [1, 'in', 5, 'throws'],
  [1, 'in', null, 'throws'],
  [3, 'notIn', [1, 2], true],
  [1, 'notIn', [1, 2], false],
  ['z', 'notIn', 'abc', true],
  [1, 'notIn', {}, 'throws'],
  [[1, 2], 'contains', 2, true],
  [[1, 2], 'contains', 3, false],
  ['abc', 'contains', 'b', false],
  [null, 'contains', 1, false],
  [[1, 2], 'doesNotContain', 3, true],
  [[1, 2], 'doesNotContain', 2, false],
  ['abc', 'doesNotContain', 'z', false],
  // An object JavaScript cannot turn into a primitive (found by the fuzz test): as the rule's value
  // json-rules-engine answers false; as the fact it throws a TypeError, here a coded error.
  [5, 'greaterThan', { valueOf: 1, toString: 1 }, false],
  [5, 'lessThanInclusive', { valueOf: 1, toString: 1 }, false],
  [{ valueOf: 1, toString: 1 }, 'lessThan', 5, 'throws'],
  // An object that does convert compares as json-rules-engine does ([7] is "7", then 7).
  [[7], 'greaterThan', 5, true],
  [5, 'greaterThanInclusive', [5], true],
];

const cases: JreCase[] = table.map(([fact, operator, value, outcome]) => ({
  name: `${JSON.stringify(fact)} ${operator} ${JSON.stringify(value)} → ${String(outcome)}`,
  rules: [{ name: 'r', conditions: { all: [{ fact: 'f', operator, value }] }, event: { type: 'held' } }],
  run: { f: fact },
  ...(outcome === 'throws'
    ? { throws: { code: 'INVALID_OPERAND', message: expect.any(String) } }
    : { events: outcome ? ['held'] : [] }),
}));

// With undefined facts allowed, an undefined fact is just undefined: notEqual holds, doesNotContain does not.
const undefinedFact: Array<[string, unknown, boolean]> = [
  ['equal', 1, false],
  ['notEqual', 1, true],
  ['lessThan', 1, false],
  ['greaterThanInclusive', 0, false],
  ['in', [1], false],
  ['notIn', [1], true],
  ['contains', 1, false],
  ['doesNotContain', 1, false],
];
for (const [operator, value, outcome] of undefinedFact) {
  cases.push({
    name: `undefined fact, allowUndefinedFacts: ${operator} → ${String(outcome)}`,
    options: { allowUndefinedFacts: true },
    rules: [{ name: 'r', conditions: { all: [{ fact: 'missing', operator, value }] }, event: { type: 'held' } }],
    events: outcome ? ['held'] : [],
  });
}

cases.push(
  {
    name: 'a custom operator (engine-operator.test.js: startsWithLetter)',
    operators: {
      startsWithLetter: (factValue: string, jsonValue: string) =>
        Boolean(factValue?.length) && factValue[0]?.toLowerCase() === jsonValue.toLowerCase(),
    },
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'name', operator: 'startsWithLetter', value: 'T' }] },
        event: { type: 'held' },
      },
    ],
    run: { name: 'tom' },
    events: ['held'],
  },
  {
    name: 'a custom operator replaces a built-in of the same name',
    operators: { equal: (a: unknown, b: unknown) => a == b },
    rules: [{ name: 'r', conditions: { all: [{ fact: 'n', operator: 'equal', value: 1 }] }, event: { type: 'held' } }],
    run: { n: '1' },
    events: ['held'],
  },
  {
    name: 'an unknown operator throws when evaluated',
    rules: [{ name: 'r', conditions: { all: [{ fact: 'n', operator: 'nope', value: 1 }] }, event: { type: 'x' } }],
    run: { n: 1 },
    throws: { code: 'UNKNOWN_OPERATOR', message: 'Unknown operator: nope' },
  },
  {
    name: 'an unknown operator in a skipped group does not throw',
    rules: [
      {
        name: 'r',
        conditions: {
          any: [
            { fact: 'n', operator: 'equal', value: 1, priority: 2 },
            { fact: 'n', operator: 'nope', value: 1 },
          ],
        },
        event: { type: 'x' },
      },
    ],
    run: { n: 1 },
    events: ['x'],
  },
);

describe('Engine: operators', () => {
  runCases(cases);

  it('removeOperator makes the operator unknown again, decorated forms included', async () => {
    const engine = new Engine([
      { name: 'r', conditions: { all: [{ fact: 'n', operator: 'not:odd', value: null }] }, event: { type: 'even' } },
    ]);
    engine.addOperator('odd', (a) => (a as number) % 2 === 1);
    expect((await engine.run({ n: 2 })).events).toHaveLength(1);
    expect(engine.removeOperator('odd')).toBe(true);
    await expect(engine.run({ n: 2 })).rejects.toMatchObject({
      code: 'UNKNOWN_OPERATOR',
      message: 'Unknown operator: not:odd',
    });
  });
});
