import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/operator-decorator.test.js, engine-operator-map.test.js and
// examples/13-using-operator-decorators.js: someFact, someValue, everyFact, everyValue, not, swap,
// their compositions and custom decorators.

const table: Array<[unknown, string, unknown, boolean | 'throws']> = [
  [[1, 2, 3], 'someFact:equal', 2, true],
  [[1, 3], 'someFact:equal', 2, false],
  [2, 'someFact:equal', 2, false],
  [[], 'someFact:equal', 2, false],
  [[3, 4], 'everyFact:greaterThan', 2, true],
  [[1, 4], 'everyFact:greaterThan', 2, false],
  [[], 'everyFact:greaterThan', 2, true],
  ['ab', 'everyFact:equal', 'a', false],
  [2, 'someValue:equal', [1, 2], true],
  [3, 'someValue:equal', [1, 2], false],
  [2, 'someValue:equal', 2, 'throws'],
  [5, 'everyValue:greaterThan', [1, 2], true],
  [2, 'everyValue:greaterThan', [1, 2], false],
  [2, 'everyValue:equal', [], true],
  [2, 'everyValue:equal', 'ab', 'throws'],
  [1, 'not:equal', 1, false],
  [1, 'not:equal', 2, true],
  [[1], 'not:contains', 1, false],
  [[1, 2], 'swap:in', 2, true],
  ['abc', 'swap:contains', ['abc'], true],
  [2, 'swap:lessThan', 1, true],
  [[1, 2], 'everyFact:everyValue:lessThan', [3, 4], true],
  [[1, 5], 'everyFact:everyValue:lessThan', [3, 4], false],
  [[1, 2], 'not:someFact:equal', 3, true],
  [[1, 3], 'not:someFact:equal', 3, false],
  [[1, 3], 'someFact:not:equal', 3, true],
  [['a', 'b'], 'someFact:swap:contains', ['b'], true],
  [[1, 2], 'swap:not:in', 2, false],
  [2, 'swap:not:in', [1, 2], 'throws'],
  [[[1], [2, 3]], 'someFact:someFact:equal', 3, true],
];

const cases: JreCase[] = table.map(([fact, operator, value, outcome]) => ({
  name: `${JSON.stringify(fact)} ${operator} ${JSON.stringify(value)} → ${String(outcome)}`,
  rules: [{ name: 'r', conditions: { all: [{ fact: 'f', operator, value }] }, event: { type: 'held' } }],
  run: { f: fact },
  ...(outcome === 'throws'
    ? { throws: { code: 'INVALID_OPERAND', message: expect.any(String) } }
    : { events: outcome ? ['held'] : [] }),
}));

cases.push(
  {
    name: 'a custom decorator (examples/13: caseInsensitive)',
    decorators: {
      caseInsensitive: (a: unknown, b: unknown, next) => next(String(a).toLowerCase(), String(b).toLowerCase()),
    },
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'word', operator: 'caseInsensitive:equal', value: 'Hello' }] },
        event: { type: 'held' },
      },
    ],
    run: { word: 'HELLO' },
    events: ['held'],
  },
  {
    name: 'a custom decorator composed with built-ins',
    decorators: {
      caseInsensitive: (a: unknown, b: unknown, next) => next(String(a).toLowerCase(), String(b).toLowerCase()),
    },
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'words', operator: 'someFact:caseInsensitive:equal', value: 'Hello' }] },
        event: { type: 'held' },
      },
    ],
    run: { words: ['x', 'HeLLo'] },
    events: ['held'],
  },
  {
    name: 'an unknown decorator is an unknown operator',
    rules: [
      { name: 'r', conditions: { all: [{ fact: 'n', operator: 'bogus:equal', value: 1 }] }, event: { type: 'x' } },
    ],
    run: { n: 1 },
    throws: { code: 'UNKNOWN_OPERATOR', message: 'Unknown operator: bogus:equal' },
  },
);

describe('Engine: operator decorators', () => {
  runCases(cases);

  it('removeOperatorDecorator removes the decorator and what was built with it', async () => {
    const engine = new Engine([
      { name: 'r', conditions: { all: [{ fact: 'n', operator: 'twice:equal', value: 4 }] }, event: { type: 'x' } },
    ]);
    engine.addOperatorDecorator('twice', (a, b, next) => next((a as number) * 2, b));
    expect((await engine.run({ n: 2 })).events).toHaveLength(1);
    expect(engine.removeOperatorDecorator('twice')).toBe(true);
    await expect(engine.run({ n: 2 })).rejects.toMatchObject({ code: 'UNKNOWN_OPERATOR' });
  });
});
