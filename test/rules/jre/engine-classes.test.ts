import { Engine, Fact, JreRule, Operator, OperatorDecorator } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// json-rules-engine's classes as arguments: new Rule(...), new Fact(...), new Operator(...) and
// new OperatorDecorator(...) given to addRule, addFact (and as run facts and almanac facts),
// addOperator and addOperatorDecorator, and their remove counterparts — from its docs/engine.md,
// docs/rules.md, docs/facts.md and its test/engine-*.test.js, rewritten. Each case runs on the Engine
// with our classes and on json-rules-engine 7.3.1 with its own, against the same expectations.

const adult = {
  name: 'adult',
  conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
  event: { type: 'adult', params: { category: 'a' } },
};

const cases: JreCase[] = [
  {
    name: 'addRule(new Rule(properties))',
    rules: [],
    build: (engine, { Rule }) => engine.addRule(new Rule(adult)),
    run: { age: 20 },
    fullEvents: [{ type: 'adult', params: { category: 'a' } }],
    results: [{ name: 'adult', priority: 1 }],
  },
  {
    name: 'new Rule(jsonText)',
    rules: [],
    build: (engine, { Rule }) => engine.addRule(new Rule(JSON.stringify({ ...adult, priority: 3 }))),
    run: { age: 20 },
    events: ['adult'],
    results: [{ priority: 3 }],
  },
  {
    name: 'a Rule built with setters',
    rules: [],
    build: (engine, { Rule }) =>
      engine.addRule(
        new Rule()
          .setConditions({ any: [{ fact: 'age', operator: 'lessThan', value: 5 }] })
          .setEvent({ type: 'child' })
          .setPriority(2)
          .setName('child'),
      ),
    run: { age: 4 },
    events: ['child'],
    results: [{ name: 'child', priority: 2 }],
  },
  {
    name: 'a Rule changed after adding, then updateRule(rule)',
    rules: [],
    build: (engine, { Rule }) => {
      const rule = new Rule(adult);
      engine.addRule(rule);
      rule.setConditions({ all: [{ fact: 'age', operator: 'lessThan', value: 18 }] });
      engine.updateRule(rule);
    },
    run: { age: 20 },
    events: [],
    failureEvents: ['adult'],
  },
  {
    name: 'removeRule(rule instance)',
    rules: [{ ...adult, name: 'kept', event: { type: 'kept' } }],
    build: (engine, { Rule }) => {
      const rule = new Rule(adult);
      engine.addRule(rule);
      expect(engine.removeRule(rule)).toBe(true);
      expect(engine.removeRule(rule)).toBe(false);
    },
    run: { age: 20 },
    events: ['kept'],
  },
  {
    name: 'a Rule’s onSuccess/onFailure and handlers added with rule.on, also after adding',
    rules: [],
    build: (engine, { Rule }) => {
      const seen: string[] = [];
      const rule = new Rule({ ...adult, onSuccess: () => void seen.push('onSuccess') });
      engine.addRule(rule);
      rule.on('success', (event: { type: string }) => void seen.push(`on ${event.type}`));
      const failing = new Rule({
        ...adult,
        name: 'f',
        conditions: { all: [{ fact: 'age', operator: 'lessThan', value: 1 }] },
      });
      failing.on('failure', () => void seen.push('failure'));
      engine.addRule(failing);
      engine.seen = seen;
    },
    run: { age: 20 },
    events: ['adult'],
  },
  {
    name: 'new Rule() without conditions refuses a conditions root that is not all/any/not/condition',
    rules: [],
    build: (_engine, { Rule }) => {
      expect(() => new Rule({ conditions: { fact: 'age' }, event: { type: 'x' } })).toThrow(
        '"conditions" root must contain a single instance of "all", "any", "not", or "condition"',
      );
      expect(() => new Rule({ priority: 0, event: { type: 'x' } })).not.toThrow();
      expect(() => new Rule({ priority: -1, event: { type: 'x' } })).toThrow('Priority must be greater than zero');
      expect(() => new Rule({ event: {} })).toThrow('Rule: setEvent() requires event object with "type" property');
    },
    events: [],
  },
  {
    name: 'Rule#toJSON gives the rule’s properties',
    rules: [],
    build: (_engine, { Rule }) => {
      const json = new Rule({ ...adult, priority: 2 }).toJSON(false);
      expect(JSON.parse(JSON.stringify(json))).toEqual({
        // every all/any/not gets a priority when the Condition is built
        conditions: { priority: 1, all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
        priority: 2,
        event: { type: 'adult', params: { category: 'a' } },
        name: 'adult',
      });
      expect(typeof new Rule(adult).toJSON()).toBe('string');
    },
    events: [],
  },
  {
    name: 'addFact(new Fact(id, value))',
    rules: [adult],
    build: (engine, { Fact }) => engine.addFact(new Fact('age', 30)),
    events: ['adult'],
  },
  {
    name: 'addFact(new Fact(id, function, { priority, cache }))',
    rules: [
      {
        name: 'r',
        conditions: {
          any: [
            { fact: 'low', operator: 'equal', value: true },
            { fact: 'high', operator: 'equal', value: true },
          ],
        },
        event: { type: 'r' },
      },
    ],
    build: (engine, { Fact }) => {
      engine.addFact(new Fact('high', () => true, { priority: 10 }));
      // Never asked: the higher priority group decides the any.
      engine.addFact(
        new Fact(
          'low',
          () => {
            throw new Error('low asked');
          },
          { cache: false },
        ),
      );
      expect(engine.getFact('high').priority).toBe(10);
      expect(engine.getFact('low').options.cache).toBe(false);
    },
    events: ['r'],
  },
  {
    name: 'removeFact(fact instance)',
    rules: [adult],
    options: { allowUndefinedFacts: true },
    build: (engine, { Fact }) => {
      const fact = new Fact('age', 30);
      engine.addFact(fact);
      expect(engine.getFact('age')).toBe(fact);
      expect(engine.removeFact(fact)).toBe(true);
    },
    events: [],
    failureEvents: ['adult'],
  },
  {
    name: 'a Fact among the run facts is filed under its own id',
    rules: [adult],
    runWith: ({ Fact }) => ({ whatever: new Fact('age', (params: unknown) => (params ? 40 : 0)) }),
    events: ['adult'],
    results: [{ 'conditions.all[0].factResult': 40 }],
  },
  {
    name: 'a Fact given to an almanac passed to run',
    rules: [adult],
    almanac: ({ Almanac, Fact }) => new Almanac().addFact(new Fact('age', 18)),
    events: ['adult'],
  },
  {
    name: 'new Fact with an empty id is refused',
    rules: [],
    build: (_engine, { Fact }) => expect(() => new Fact('', 1)).toThrow('factId required'),
    events: [],
  },
  {
    name: 'addOperator(new Operator(name, callback, validator)): the validator must hold first',
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'word', operator: 'startsWithLetter', value: 'a' }] },
        event: { type: 'r' },
      },
    ],
    build: (engine, { Operator }) =>
      engine.addOperator(
        new Operator(
          'startsWithLetter',
          (fact: string, value: string) => fact[0]?.toLowerCase() === value,
          (fact: unknown) => typeof fact === 'string' && fact.length > 0,
        ),
      ),
    run: { word: 'Appel' },
    events: ['r'],
  },
  {
    name: 'an Operator’s validator that fails decides the condition',
    rules: [{ name: 'r', conditions: { all: [{ fact: 'word', operator: 'long', value: 2 }] }, event: { type: 'r' } }],
    build: (engine, { Operator }) =>
      engine.addOperator(
        new Operator(
          'long',
          (f: string, v: number) => f.length > v,
          (f: unknown) => typeof f === 'string',
        ),
      ),
    run: { word: 12345 },
    events: [],
    failureEvents: ['r'],
  },
  {
    name: 'removeOperator(operator instance) also removes its decorated forms',
    rules: [
      { name: 'r', conditions: { all: [{ fact: 'w', operator: 'not:same', value: 'x' }] }, event: { type: 'r' } },
    ],
    build: (engine, { Operator }) => {
      const same = new Operator('same', (a: unknown, b: unknown) => a === b);
      engine.addOperator(same);
      expect(engine.removeOperator(same)).toBe(true);
    },
    run: { w: 'y' },
    throws: { code: 'UNKNOWN_OPERATOR', message: 'Unknown operator: not:same' },
  },
  {
    name: 'addOperatorDecorator(new OperatorDecorator(name, callback, validator))',
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'names', operator: 'first:caseInsensitive:equal', value: 'ANNA' }] },
        event: { type: 'r' },
      },
    ],
    build: (engine, { OperatorDecorator }) => {
      engine.addOperatorDecorator(
        new OperatorDecorator('first', (f: unknown[], v: unknown, next: any) => next(f[0], v), Array.isArray),
      );
      engine.addOperatorDecorator(
        new OperatorDecorator('caseInsensitive', (f: string, v: string, next: any) =>
          next(f.toLowerCase(), v.toLowerCase()),
        ),
      );
    },
    run: { names: ['Anna', 'Bert'] },
    events: ['r'],
  },
  {
    name: 'an OperatorDecorator’s validator that fails decides the condition',
    rules: [
      {
        name: 'r',
        conditions: { all: [{ fact: 'names', operator: 'first:equal', value: 'a' }] },
        event: { type: 'r' },
      },
    ],
    build: (engine, { OperatorDecorator }) =>
      engine.addOperatorDecorator(
        new OperatorDecorator('first', (f: unknown[], v: unknown, next: any) => next(f[0], v), Array.isArray),
      ),
    run: { names: 'abc' },
    events: [],
    failureEvents: ['r'],
  },
  {
    name: 'removeOperatorDecorator(decorator instance)',
    rules: [
      { name: 'r', conditions: { all: [{ fact: 'n', operator: 'twice:equal', value: 4 }] }, event: { type: 'r' } },
    ],
    build: (engine, { OperatorDecorator }) => {
      const twice = new OperatorDecorator('twice', (f: number, v: unknown, next: any) => next(f * 2, v));
      engine.addOperatorDecorator(twice);
      expect(engine.removeOperatorDecorator(twice)).toBe(true);
    },
    run: { n: 2 },
    throws: { code: 'UNKNOWN_OPERATOR', message: 'Unknown operator: twice:equal' },
  },
  {
    name: 'new Operator without a name or callback is refused',
    rules: [],
    build: (_engine, { Operator, OperatorDecorator }) => {
      expect(() => new Operator('', () => true)).toThrow('Missing operator name');
      expect(() => new Operator('x', undefined)).toThrow('Missing operator callback');
      expect(() => new OperatorDecorator('', () => true)).toThrow('Missing decorator name');
      expect(() => new OperatorDecorator('x', undefined)).toThrow('Missing decorator callback');
    },
    events: [],
  },
];

describe('json-rules-engine’s classes as arguments (both engines, each with its own classes)', () => {
  runCases(cases);
});

describe('the classes in the Engine: handlers, shapes and codes', () => {
  it('a Rule’s handlers run in order: its onSuccess, then those added with on(), also after adding', async () => {
    const seen: string[] = [];
    const rule = new JreRule({ ...adult, onSuccess: () => void seen.push('onSuccess') });
    const engine = new Engine([rule]);
    await engine.run({ age: 20 }); // compiled before the next handler is added
    rule.on('success', (event) => void seen.push(`on ${event.type}`));
    await engine.run({ age: 20 });
    expect(seen).toEqual(['onSuccess', 'onSuccess', 'on adult']);
  });

  it('an OperatorDecorator decorates an Operator as there', () => {
    const equal = new Operator('equal', (a, b) => a === b);
    const not = new OperatorDecorator('not', (a, b, next) => !next(a, b));
    const decorated = not.decorate(equal);
    expect(decorated.name).toBe('not:equal');
    expect(decorated.evaluate(1, 2)).toBe(true);
  });

  it('errors carry codes: INVALID_FACT, INVALID_OPERAND, INVALID_CONDITION, INVALID_PRIORITY, INVALID_RULE', () => {
    expect(() => new Fact('', 1)).toThrow(expect.objectContaining({ code: 'INVALID_FACT' }));
    expect(() => new Operator('', () => true)).toThrow(expect.objectContaining({ code: 'INVALID_OPERAND' }));
    expect(() => new JreRule({ conditions: { fact: 'a' }, event: { type: 'x' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONDITION' }),
    );
    expect(() => new JreRule({ priority: -2, conditions: { all: [] }, event: { type: 'x' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_PRIORITY' }),
    );
    expect(() => new JreRule('{not json')).toThrow(expect.objectContaining({ code: 'INVALID_RULE' }));
  });

  it('a Fact subclass’s own calculate is honoured', async () => {
    class Doubling extends Fact<number> {
      override calculate(): number {
        return 2 * (this.value as number);
      }
    }
    const engine = new Engine([adult]);
    engine.addFact(new Doubling('age', 10));
    expect((await engine.run()).events).toEqual([{ type: 'adult', params: { category: 'a' } }]);
  });
});
