import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-fact.test.js, almanac.test.js, condition.test.js (".path"),
// engine-fact-priority.test.js and engine-cache.test.js: undefined facts, runtime and engine facts,
// dynamic facts with params, `path` with the default JSONPath resolver, a custom pathResolver, fact
// priorities, and the fact cache.

const rule = (condition: Record<string, unknown>, name = 'r') => ({
  name,
  conditions: { all: [condition] },
  event: { type: name },
});
const users = [
  {
    id: 50,
    phoneNumbers: [
      { type: 'iPhone', number: '0123' },
      { type: 'home', number: '0456' },
    ],
  },
];
const account = {
  company: 'microsoft',
  status: 'active',
  ptoDaysTaken: ['2016-12-25', '2016-12-24'],
  address: { city: 'Utrecht', 'post-code': '3511' },
};

const cases: JreCase[] = [
  {
    name: 'an undefined fact throws UNDEFINED_FACT',
    rules: [rule({ fact: 'age', operator: 'equal', value: 1 })],
    throws: { code: 'UNDEFINED_FACT', message: 'Undefined fact: age' },
  },
  {
    name: 'a fact given as undefined is defined',
    rules: [rule({ fact: 'age', operator: 'equal', value: undefined })],
    run: { age: undefined },
    events: ['r'],
  },
  {
    name: 'runtime facts override engine facts',
    rules: [rule({ fact: 'age', operator: 'equal', value: 2 })],
    facts: { age: { value: 1 } },
    run: { age: 2 },
    events: ['r'],
  },
  {
    name: 'a runtime function is a dynamic fact',
    rules: [rule({ fact: 'age', operator: 'equal', value: 6, params: { times: 3 } })],
    run: { age: (params: { times: number }) => 2 * params.times },
    events: ['r'],
  },
  {
    name: 'engine facts: constant',
    rules: [rule({ fact: 'age', operator: 'equal', value: 1 })],
    facts: { age: { value: 1 } },
    events: ['r'],
  },
  {
    name: 'engine facts: dynamic, with params',
    rules: [rule({ fact: 'price', params: { productId: 'widget' }, operator: 'greaterThan', value: 100 })],
    facts: { price: { compute: (p) => (p.productId === 'widget' ? 120 : 0) } },
    events: ['r'],
  },
  {
    name: 'path: a property',
    rules: [rule({ fact: 'account', path: '$.company', operator: 'equal', value: 'microsoft' })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: in with a property',
    rules: [rule({ fact: 'account', path: '$.status', operator: 'in', value: ['active', 'paid-leave'] })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: contains on an array property',
    rules: [rule({ fact: 'account', path: '$.ptoDaysTaken', operator: 'contains', value: '2016-12-25' })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: nested, and a quoted name',
    rules: [rule({ fact: 'account', path: "$.address['post-code']", operator: 'equal', value: '3511' })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: an index',
    rules: [rule({ fact: 'account', path: '$.ptoDaysTaken[1]', operator: 'equal', value: '2016-12-24' })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: $.[0].id (condition.test.js)',
    rules: [rule({ fact: 'users', path: '$.[0].id', operator: 'equal', value: 50 })],
    run: { users },
    events: ['r'],
  },
  {
    name: 'path: a wildcard gives an array (condition.test.js)',
    rules: [rule({ fact: 'users', path: '$[0].phoneNumbers[*].type', operator: 'contains', value: 'iPhone' })],
    run: { users },
    events: ['r'],
    results: [{ 'conditions.all[0].factResult': ['iPhone', 'home'] }],
  },
  {
    name: 'path: a wildcard with one match is still an array',
    rules: [rule({ fact: 'f', path: '$.a[*]', operator: 'contains', value: 7 })],
    run: { f: { a: [7] } },
    events: ['r'],
  },
  {
    name: 'path: recursive descent',
    rules: [rule({ fact: 'users', path: '$..number', operator: 'contains', value: '0456' })],
    run: { users },
    events: ['r'],
  },
  {
    name: 'path: no match is undefined',
    rules: [rule({ fact: 'account', path: '$.nope.deeper', operator: 'equal', value: undefined })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'path: ignored when the fact is not an object (condition.test.js)',
    rules: [rule({ fact: 'age', path: '$.[0].id', operator: 'equal', value: 50 })],
    run: { age: 50 },
    events: ['r'],
  },
  {
    name: 'path: without a leading $',
    rules: [rule({ fact: 'account', path: 'address.city', operator: 'equal', value: 'Utrecht' })],
    run: { account },
    events: ['r'],
  },
  {
    name: 'fact priority: conditions on a higher-priority fact run first and can decide alone',
    rules: [
      rule({ fact: 'cheap', operator: 'equal', value: false }),
      {
        name: 'all',
        conditions: {
          all: [
            { fact: 'cheap', operator: 'equal', value: true },
            { fact: 'expensive', operator: 'equal', value: 1 },
          ],
        },
        event: { type: 'all' },
      },
    ],
    facts: { cheap: { value: false, options: { priority: 2 } } },
    events: ['r'],
    failureEvents: ['all'],
    failureResults: [{ 'conditions.all[1].result': undefined }],
  },
];

describe('Engine: facts and paths', () => {
  runCases(cases);

  it('a dynamic fact is computed once per run and params, unless its cache is off', async () => {
    const calls = { cached: 0, uncached: 0 };
    const engine = new Engine([
      {
        name: 'a',
        conditions: {
          all: [
            { fact: 'cached', operator: 'equal', value: 1 },
            { fact: 'uncached', operator: 'equal', value: 1 },
          ],
        },
        event: { type: 'a' },
      },
      {
        name: 'b',
        conditions: {
          all: [
            { fact: 'cached', operator: 'equal', value: 1 },
            { fact: 'uncached', operator: 'equal', value: 1 },
          ],
        },
        event: { type: 'b' },
      },
    ]);
    engine.addFact('cached', () => {
      calls.cached++;
      return 1;
    });
    engine.addFact(
      'uncached',
      () => {
        calls.uncached++;
        return 1;
      },
      { cache: false },
    );
    await engine.run({});
    expect(calls).toEqual({ cached: 1, uncached: 2 });
  });

  it('removeFact makes the fact undefined again', async () => {
    const engine = new Engine([rule({ fact: 'age', operator: 'equal', value: 1 })]);
    engine.addFact('age', 1);
    expect((await engine.run()).events).toHaveLength(1);
    expect(engine.removeFact('age')).toBe(true);
    await expect(engine.run()).rejects.toMatchObject({ code: 'UNDEFINED_FACT' });
  });

  it('a fact returning a promise is refused with a code: facts are synchronous', async () => {
    const engine = new Engine([rule({ fact: 'later', operator: 'equal', value: 1 })]);
    engine.addFact('later', () => Promise.resolve(1));
    await expect(engine.run()).rejects.toMatchObject({ code: 'ASYNC_FACT' });
  });

  it('a custom pathResolver gets the fact value and the path (docs: lodash-style paths)', async () => {
    const seen: unknown[] = [];
    const pathResolver = (value: object, path: string) => {
      seen.push(path);
      return (value as Record<string, number[]>).price?.[Number(path.slice(-2, -1))];
    };
    const engine = new Engine([rule({ fact: 'fact1', path: '.price[0]', operator: 'equal', value: 1 })], {
      pathResolver,
    });
    expect((await engine.run({ fact1: { price: [1] } })).events).toHaveLength(1);
    expect(seen).toEqual(['.price[0]']);
  });

  it('a path outside the supported JSONPath forms is refused when the rule is added', () => {
    for (const path of ['$.a[?(@.b > 1)]', '$.a[0:2]', '$.a[0,1]', '$..', '$a']) {
      expect(() => new Engine([rule({ fact: 'f', path, operator: 'equal', value: 1 })])).toThrow(
        expect.objectContaining({ code: 'UNSUPPORTED_PATH' }),
      );
    }
  });

  it("the almanac gives facts to other facts, synchronously and as json-rules-engine's promise", async () => {
    const engine = new Engine([rule({ fact: 'total', operator: 'equal', value: 5 })]);
    engine.addFact(
      'total',
      (_p, almanac) => (almanac.factValueSync('a') as number) + (almanac.factValueSync('b', {}, '$.n') as number),
    );
    const result = await engine.run({ a: 2, b: { n: 3 } });
    expect(result.events).toHaveLength(1);
    await expect(result.almanac.factValue('b', {}, '$.n')).resolves.toBe(3);
  });
});
