import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-rule-priority.js and rule.test.js: higher priorities run first;
// 0 and absent become 1, fractions are cut (2.5 → 2), numeric strings are read; below 1 is refused.

const rule = (name: string, priority?: number | string) => ({
  name,
  ...(priority === undefined ? {} : { priority }),
  conditions: { all: [] },
  event: { type: name },
});

const cases: JreCase[] = [
  {
    name: 'higher priority first, across levels in exact order',
    rules: [rule('low', 1), rule('high', 10), rule('mid', 5)],
    events: ['high', 'mid', 'low'],
  },
  {
    name: 'within one level, declaration order (json-rules-engine: promise timing)',
    rules: [rule('a', 2), rule('b', 2), rule('c', 2)],
    events: ['a', 'b', 'c'],
  },
  {
    name: 'priority 0 is 1',
    rules: [rule('zero', 0), rule('two', 2)],
    events: ['two', 'zero'],
    results: [{ priority: 2 }, { priority: 1 }],
  },
  {
    name: '2.5 is 2, "3" is 3',
    rules: [rule('twoAndAHalf', 2.5), rule('three', '3'), rule('two', 2)],
    events: ['three', 'twoAndAHalf', 'two'],
    results: [{ priority: 3 }, { priority: 2 }, { priority: 2 }],
  },
  {
    name: 'absent is 1',
    rules: [rule('none'), rule('one', 1)],
    events: ['none', 'one'],
    results: [{ priority: 1 }, { priority: 1 }],
  },
];

describe('Engine: rule priority', () => {
  runCases(cases);

  it('refuses a priority below 1, as json-rules-engine does', () => {
    for (const priority of [-1, 0.5]) {
      expect(() => new Engine([rule('bad', priority)])).toThrow(
        expect.objectContaining({ code: 'INVALID_PRIORITY', message: 'Priority must be greater than zero' }),
      );
    }
  });
});
