import { Engine as ReferenceEngine } from 'json-rules-engine';
import { Engine, JreError } from '../../../rules';

// From json-rules-engine's test/engine.test.js, rule.test.js and engine-run.test.js: adding, updating
// and removing rules, their validation messages, and rule results' JSON, compared with json-rules-engine.

const event = { type: 'e' };
const rule = {
  name: 'r',
  conditions: {
    all: [
      { fact: 'age', operator: 'greaterThan', value: 18 },
      { not: { fact: 'tags', operator: 'contains', value: 'x', path: '$.list' } },
    ],
  },
  event: { type: 'adult', params: { a: 1 } },
};

function thrownBy(f: () => unknown): { message?: string; code?: string } {
  try {
    f();
  } catch (error) {
    return { message: (error as Error).message, code: (error as JreError).code };
  }
  return {};
}

describe('Engine: API', () => {
  it.each([
    ['no rule', undefined, 'Engine: addRule() requires options'],
    ['no event', { conditions: { all: [] } }, 'Engine: addRule() argument requires "event" property'],
    ['no conditions', { event }, 'Engine: addRule() argument requires "conditions" property'],
    [
      'a root without all/any/not/condition',
      { conditions: { fact: 'a' }, event },
      '"conditions" root must contain a single instance of "all", "any", "not", or "condition"',
    ],
    [
      'a condition without an operator',
      { conditions: { all: [{ fact: 'a', value: 1 }] }, event },
      'Condition: constructor "operator" property required',
    ],
    [
      'a condition without a value',
      { conditions: { all: [{ fact: 'a', operator: 'equal' }] }, event },
      'Condition: constructor "value" property required',
    ],
    ['an empty condition', { conditions: { all: [null] }, event }, 'Condition: constructor options required'],
    [
      'an event without a type',
      { conditions: { all: [] }, event: {} },
      'Rule: setEvent() requires event object with "type" property',
    ],
  ])("addRule refuses %s with json-rules-engine's message and a code", (_label, properties, message) => {
    const ours = thrownBy(() => new Engine().addRule(properties as never));
    expect(ours.message).toBe(message);
    expect(ours.code).toMatch(/^INVALID_/u);
    expect(thrownBy(() => new ReferenceEngine().addRule(properties as never)).message).toBe(message);
  });

  it('takes a rule as JSON text', async () => {
    const engine = new Engine([JSON.stringify(rule)]);
    expect((await engine.run({ age: 20, tags: { list: [] } })).events).toEqual([{ type: 'adult', params: { a: 1 } }]);
  });

  it('removeRule by name or by the object added; updateRule by name', async () => {
    const engine = new Engine();
    const added = { name: 'b', conditions: { all: [] }, event: { type: 'b' } };
    engine.addRule({ name: 'a', conditions: { all: [] }, event: { type: 'a' } }).addRule(added);
    expect(engine.removeRule('a')).toBe(true);
    expect(engine.removeRule('a')).toBe(false);
    expect((await engine.run()).events).toEqual([{ type: 'b' }]);
    engine.updateRule({ name: 'b', conditions: { all: [] }, event: { type: 'b2' } });
    expect((await engine.run()).events).toEqual([{ type: 'b2' }]);
    expect(thrownBy(() => engine.updateRule({ name: 'zz', conditions: { all: [] }, event }))).toEqual({
      message: 'Engine: updateRule() rule not found',
      code: 'RULE_NOT_FOUND',
    });
    expect(engine.removeRule(added)).toBe(false);
  });

  it("rule results have json-rules-engine's JSON", async () => {
    for (const facts of [
      { age: 20, tags: { list: ['x'] } },
      { age: 10, tags: 5 },
    ]) {
      const ours = await new Engine([structuredClone(rule)]).run(facts);
      const reference = await new ReferenceEngine([structuredClone(rule)]).run(facts);
      expect(JSON.stringify(ours.results)).toBe(JSON.stringify(reference.results));
      expect(JSON.stringify(ours.failureResults)).toBe(JSON.stringify(reference.failureResults));
      expect(JSON.stringify(ours.failureResults.map((r) => r.toJSON(false)))).toBe(
        JSON.stringify(
          reference.failureResults.map((r) => (r as unknown as { toJSON(s: boolean): unknown }).toJSON(false)),
        ),
      );
    }
  });

  it('runs without facts and without rules', async () => {
    const result = await new Engine().run();
    expect(result).toMatchObject({ events: [], failureEvents: [], results: [], failureResults: [] });
  });

  it('a fact id must not be empty', () => {
    expect(thrownBy(() => new Engine().addFact('', 1))).toEqual({ message: 'factId required', code: 'INVALID_FACT' });
  });

  it('a changed engine is compiled again before the next run', async () => {
    const engine = new Engine([{ name: 'r', conditions: { all: [{ fact: 'n', operator: 'big', value: 10 }] }, event }]);
    engine.addOperator('big', (a, b) => (a as number) > (b as number));
    expect((await engine.run({ n: 11 })).events).toHaveLength(1);
    engine.addOperator('big', (a, b) => (a as number) > 2 * (b as number));
    expect((await engine.run({ n: 11 })).events).toHaveLength(0);
  });
});
