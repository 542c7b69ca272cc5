import { Almanac, Engine } from '../../../rules';
import { runCases, type JreCase, type Lib } from './support/jre-case';

// run(facts, { almanac }) as json-rules-engine's docs/engine.md and docs/almanac.md describe it, with its
// examples/12-using-custom-almanac.js rewritten as cases: an almanac made for the run, facts added to it
// beforehand, its own options, and subclasses overriding factValue (answering with promises) or getValue.
// Every case runs on the Engine and on json-rules-engine 7.3.1 with the same expectations.

/** An almanac that pipes fact values through named functions given in the condition's params. */
function piped(lib: Lib, options?: object): any {
  class PipedAlmanac extends lib.Almanac {
    pipes = new Map<string, (v: any) => any>([['addOne', (v) => v + 1]]);

    constructor(given?: object) {
      super(given);
    }

    factValue(factId: string, params?: Record<string, any>, path?: string): Promise<unknown> {
      let pipes: string[] = [];
      if (params && Array.isArray(params.pipes)) {
        pipes = params.pipes;
        delete params.pipes;
      }
      return super
        .factValue(factId, params, path)
        .then((value: unknown) => pipes.reduce((v, name) => this.pipes.get(name)?.(v) ?? v, value));
    }
  }
  return new PipedAlmanac(options);
}

const over21 = {
  name: 'over21',
  conditions: { all: [{ fact: 'age', params: { pipes: ['addOne'] }, operator: 'greaterThanInclusive', value: 21 }] },
  event: { type: 'over21ish' },
};
const rule = (condition: Record<string, unknown>, name = 'r', event: Record<string, unknown> = { type: name }) => ({
  name,
  conditions: { all: [condition] },
  event,
});

const cases: JreCase[] = [
  ...[
    { age: 19, events: [], failureEvents: ['over21ish'] },
    { age: 20, events: ['over21ish'], failureEvents: [] },
    { age: 21, events: ['over21ish'], failureEvents: [] },
  ].map(({ age, events, failureEvents }): JreCase => ({
    name: `a piped almanac (factValue overridden, a promise): age ${age} plus one`,
    rules: [over21],
    run: { age },
    almanac: (lib) => piped(lib),
    events,
    failureEvents,
    results: events.length ? [{ 'conditions.all[0].factResult': age + 1 }] : [],
  })),
  {
    name: 'a fact added to the almanac before the run is read by the rules',
    rules: [rule({ fact: 'limit', operator: 'equal', value: 20 })],
    almanac: (lib) => new lib.Almanac().addFact('limit', 20),
    events: ['r'],
  },
  {
    name: 'an engine fact replaces the almanac’s fact of the same id, a run fact replaces both',
    rules: [
      rule({ fact: 'x', operator: 'equal', value: 2 }, 'engine'),
      rule({ fact: 'y', operator: 'equal', value: 3 }, 'run'),
    ],
    facts: { x: { value: 2 }, y: { value: 2 } },
    run: { y: 3 },
    almanac: (lib) => new lib.Almanac().addFact('x', 1).addFact('y', 1),
    events: ['engine', 'run'],
  },
  {
    name: 'the almanac’s own allowUndefinedFacts applies, not the engine’s (engine allows, almanac does not)',
    rules: [rule({ fact: 'missing', operator: 'equal', value: 1 })],
    options: { allowUndefinedFacts: true },
    almanac: (lib) => new lib.Almanac(),
    throws: { code: 'UNDEFINED_FACT', message: 'Undefined fact: missing' },
  },
  {
    name: 'the almanac’s own allowUndefinedFacts applies (almanac allows, engine does not)',
    rules: [rule({ fact: 'missing', operator: 'notEqual', value: 1 })],
    almanac: (lib) => new lib.Almanac({ allowUndefinedFacts: true }),
    events: ['r'],
  },
  {
    name: 'the almanac’s own pathResolver resolves paths',
    rules: [rule({ fact: 'user', path: 'name', operator: 'equal', value: 'ANNA' })],
    run: { user: { name: 'anna' } },
    almanac: (lib) =>
      new lib.Almanac({ pathResolver: (value: any, path: string) => String(value[path]).toUpperCase() }),
    events: ['r'],
  },
  {
    name: 'a fact as the condition’s value goes through the overridden factValue too',
    rules: [rule({ fact: 'a', operator: 'equal', value: { fact: 'b', params: { pipes: ['addOne'] } } })],
    run: { a: 5, b: 4 },
    almanac: (lib) => piped(lib),
    events: ['r'],
    results: [{ 'conditions.all[0].valueResult': 5 }],
  },
  {
    name: 'getValue overridden: every condition value passes through it',
    rules: [rule({ fact: 'a', operator: 'equal', value: 3 })],
    run: { a: 30 },
    almanac: (lib) => {
      class Tenfold extends lib.Almanac {
        getValue(value: unknown): Promise<unknown> {
          return super.getValue(value).then((v: unknown) => (typeof v === 'number' ? v * 10 : v));
        }
      }
      return new Tenfold();
    },
    events: ['r'],
    results: [{ 'conditions.all[0].valueResult': 30 }],
  },
  {
    name: 'event params naming facts are filled in through the almanac (replaceFactsInEventParams)',
    rules: [
      rule({ fact: 'age', operator: 'greaterThan', value: 1 }, 'r', {
        type: 'r',
        params: { age: { fact: 'age', params: { pipes: ['addOne'] } }, fixed: 1 },
      }),
    ],
    options: { replaceFactsInEventParams: true },
    run: { age: 40 },
    almanac: (lib) => piped(lib),
    fullEvents: [{ type: 'r', params: { age: 41, fixed: 1 } }],
  },
  {
    name: 'a factValue that rejects fails the run with its own error',
    rules: [rule({ fact: 'a', operator: 'equal', value: 1 })],
    run: { a: 1 },
    almanac: (lib) => {
      class Failing extends lib.Almanac {
        factValue(): Promise<unknown> {
          return Promise.reject(new Error('account service unavailable'));
        }
      }
      return new Failing();
    },
    throws: { code: 'no code', message: 'account service unavailable' },
  },
  {
    name: 'short-circuit holds: a lower condition priority is not asked once an all has failed',
    rules: [
      rule({ fact: 'a', operator: 'equal', value: 1, priority: 2 }),
      {
        name: 's',
        conditions: {
          all: [
            { fact: 'a', operator: 'equal', value: 2, priority: 2 },
            { fact: 'never', operator: 'equal', value: 1, priority: 1 },
          ],
        },
        event: { type: 's' },
      },
    ],
    run: { a: 1 },
    // `never` is undefined and the almanac does not allow that: asking for it would fail the run.
    almanac: (lib) => piped(lib),
    events: ['r'],
    failureEvents: ['s'],
  },
  {
    name: 'a dynamic fact without cache is computed at every condition that reads it, as there',
    rules: [
      {
        name: 'r',
        conditions: {
          all: [
            { fact: 'tick', operator: 'equal', value: 1 },
            { fact: 'tick', operator: 'equal', value: 2, priority: 0.5 },
          ],
        },
        event: { type: 'r' },
      },
    ],
    build: (engine) => {
      let n = 0;
      engine.addFact('tick', () => ++n, { cache: false });
    },
    almanac: (lib) => piped(lib),
    results: [{ result: true, 'conditions.all[0].factResult': 1, 'conditions.all[1].factResult': 2 }],
  },
  {
    name: 'handlers receive the almanac given to run, and the result holds it',
    rules: [rule({ fact: 'a', operator: 'equal', value: 1 })],
    run: { a: 1 },
    almanac: (lib) => {
      const almanac = piped(lib);
      almanac.marker = 'given';
      return almanac;
    },
    build: (engine) =>
      engine.on('success', (_event: unknown, almanac: any) => {
        almanac.seen = almanac.marker;
      }),
    then: async (result) => {
      expect(result.almanac.marker).toBe('given');
      expect(result.almanac.seen).toBe('given');
      await expect(result.almanac.factValue('a', { pipes: ['addOne'] })).resolves.toBe(2);
    },
  },
];

describe('run(facts, { almanac }) (json-rules-engine docs/engine.md, docs/almanac.md, example 12)', () => {
  runCases(cases);
});

describe('run(facts, { almanac }): where the Engine refuses, with a code', () => {
  const engine = new Engine([rule({ fact: 'a', operator: 'equal', value: 1 })]);

  it('an almanac that is not an Almanac is INVALID_ALMANAC', async () => {
    await expect(engine.run({ a: 1 }, { almanac: {} as Almanac })).rejects.toMatchObject({ code: 'INVALID_ALMANAC' });
  });

  it('an almanac serves one run: a second run with it is INVALID_ALMANAC (json-rules-engine would mix both runs’ results)', async () => {
    const almanac = new Almanac();
    await expect(engine.run({ a: 1 }, { almanac })).resolves.toMatchObject({ events: [{ type: 'r' }] });
    await expect(engine.run({ a: 1 }, { almanac })).rejects.toMatchObject({ code: 'INVALID_ALMANAC' });
  });

  it('the almanac gets a copy of the condition’s params: a subclass that deletes from them changes no later run', async () => {
    const piping = new Engine([over21]);
    for (const age of [20, 20]) {
      const { events } = await piping.run({ age }, { almanac: piped({ Almanac } as unknown as Lib) });
      expect(events).toEqual([{ type: 'over21ish' }]);
    }
  });

  it('without an almanac, the engine still makes its own per run', async () => {
    const first = await engine.run({ a: 1 });
    const second = await engine.run({ a: 2 });
    expect(first.almanac).not.toBe(second.almanac);
    expect(second.events).toEqual([]);
  });
});
