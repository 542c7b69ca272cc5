import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-event.test.js and examples/11-using-facts-in-events.js:
// events, failure events, and replaceFactsInEventParams (facts, params and paths in event params).

const eventWithFact = { type: 'countedEnough', params: { count: { fact: 'count' } } };
const counted = (event: { type: string; params?: Record<string, unknown> }) => [
  { name: 'r', conditions: { any: [{ fact: 'success', operator: 'equal', value: true }] }, event, priority: 100 },
];
const count = { compute: (params: { incrementBy?: number }) => ({ value: 5 + (params.incrementBy ?? 0) }) };

const cases: JreCase[] = [
  {
    name: 'without the flag, event params keep the fact reference',
    rules: counted(eventWithFact),
    run: { success: true, count: 5 },
    fullEvents: [eventWithFact],
    results: [{ event: eventWithFact }],
  },
  {
    name: 'with the flag, a success event gets the fact value',
    options: { replaceFactsInEventParams: true },
    rules: counted(eventWithFact),
    run: { success: true, count: 5 },
    fullEvents: [{ type: 'countedEnough', params: { count: 5 } }],
  },
  {
    name: 'with the flag, a failure event gets the fact value too',
    options: { replaceFactsInEventParams: true },
    rules: counted(eventWithFact),
    run: { success: false, count: 5 },
    events: [],
    failureResults: [{ 'event.params.count': 5 }],
  },
  {
    name: 'with the flag, params and path in event params',
    options: { replaceFactsInEventParams: true },
    facts: { count },
    rules: counted({
      type: 'countedEnough',
      params: {
        count: { fact: 'count', params: { incrementBy: 5 }, path: '$.value' },
        plain: 'kept',
        nested: { deeper: { fact: 'count' } },
      },
    }),
    run: { success: true },
    fullEvents: [
      { type: 'countedEnough', params: { count: 10, plain: 'kept', nested: { deeper: { fact: 'count' } } } },
    ],
  },
  {
    name: 'with the flag, an undefined fact in event params throws, even for a failing rule',
    options: { replaceFactsInEventParams: true },
    rules: counted(eventWithFact),
    run: { success: false },
    throws: { code: 'UNDEFINED_FACT', message: 'Undefined fact: count' },
  },
  {
    name: 'an event without params has none',
    rules: counted({ type: 'plain' }),
    run: { success: true },
    fullEvents: [{ type: 'plain' }],
  },
  {
    name: 'failure events come from failing rules',
    rules: [
      ...counted({ type: 'a' }),
      { name: 'b', conditions: { all: [{ fact: 'success', operator: 'equal', value: false }] }, event: { type: 'b' } },
    ],
    run: { success: true },
    events: ['a'],
    failureEvents: ['b'],
  },
];

describe('Engine: events', () => {
  runCases(cases);

  it('engine.on: success, failure and event-type handlers, with the event, almanac and rule result', async () => {
    const engine = new Engine([
      ...counted({ type: 'a', params: { n: 1 } }),
      { name: 'b', conditions: { all: [{ fact: 'success', operator: 'equal', value: false }] }, event: { type: 'b' } },
    ]);
    const seen: string[] = [];
    engine.on('success', (event, _almanac, result) => {
      seen.push(`success ${event.type} ${String(result.result)}`);
    });
    engine.on('failure', (event) => {
      seen.push(`failure ${event.type}`);
    });
    engine.on('a', (params) => {
      seen.push(`a ${JSON.stringify(params)}`);
    });
    await engine.run({ success: true });
    expect(seen).toEqual(['success a true', 'a {"n":1}', 'failure b']);
  });

  it("rule chaining: a handler's fact is seen by lower priorities (examples/07-rule-chaining.js)", async () => {
    const engine = new Engine(
      [
        {
          name: 'drinks',
          priority: 10,
          conditions: { all: [{ fact: 'drinksScrewdrivers', operator: 'equal', value: true }] },
          event: { type: 'drinks-screwdrivers' },
          onSuccess: (_e, almanac) => {
            almanac.addFact('screwdriverAficionado', true);
          },
        },
        {
          name: 'invite',
          priority: 1,
          conditions: { all: [{ fact: 'screwdriverAficionado', operator: 'equal', value: true }] },
          event: { type: 'invite-to-screwdriver-social' },
        },
      ],
      { allowUndefinedFacts: true },
    );
    expect((await engine.run({ drinksScrewdrivers: true })).events.map((e) => e.type)).toEqual([
      'drinks-screwdrivers',
      'invite-to-screwdriver-social',
    ]);
    expect((await engine.run({ drinksScrewdrivers: false })).events.map((e) => e.type)).toEqual([]);
  });

  it("events are frozen, so one run's caller cannot change another's", async () => {
    const engine = new Engine(counted({ type: 'a', params: { n: 1 } }));
    const { events } = await engine.run({ success: true });
    expect(Object.isFrozen(events[0])).toBe(true);
    expect(Object.isFrozen(events[0]?.params)).toBe(true);
  });
});
