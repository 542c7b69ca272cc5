import { Engine as ReferenceEngine } from 'json-rules-engine';
import { Engine } from '../../../rules';

// From json-rules-engine's docs (engine.stop()) and its test/engine-stop.js: a handler that stops the
// engine ends the run before the next priority level; those rules give no events and no results.

const rule = (name: string, priority: number) => ({
  name,
  priority,
  conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18 }] },
  event: { type: name },
});
const rules = [rule('first', 10), rule('sibling', 10), rule('later', 5), rule('last', 1)];

async function runBoth(stopOn: string | undefined) {
  const outcomes = [];
  for (const engine of [new Engine(), new ReferenceEngine()] as const) {
    for (const r of rules) (engine as Engine).addRule(r);
    (engine as Engine).on('success', (event: { type: string }) => {
      if (event.type === stopOn) (engine as Engine).stop();
    });
    const result = await (engine as Engine).run({ age: 30 });
    outcomes.push({
      events: result.events.map((e) => e.type).sort(),
      results: result.results.map((r) => r.name).sort(),
      failures: result.failureResults.map((r) => r.name).sort(),
    });
  }
  return outcomes;
}

describe('Engine: stop()', () => {
  it('a handler stopping at the first level: the rest of that level still counts, lower levels are not evaluated (as json-rules-engine)', async () => {
    const [ours, reference] = await runBoth('first');
    expect(ours).toEqual({ events: ['first', 'sibling'], results: ['first', 'sibling'], failures: [] });
    expect(ours).toEqual(reference);
  });

  it('stopping at a middle level keeps the levels before it', async () => {
    const [ours, reference] = await runBoth('later');
    expect(ours).toEqual({
      events: ['first', 'later', 'sibling'],
      results: ['first', 'later', 'sibling'],
      failures: [],
    });
    expect(ours).toEqual(reference);
  });

  it('a new run starts again: stop() ends one run, not the engine', async () => {
    const engine = new Engine(rules);
    let stopNext = true;
    engine.on('success', () => {
      if (stopNext) engine.stop();
    });
    expect((await engine.run({ age: 30 })).events.map((e) => e.type)).toEqual(['first', 'sibling']);
    stopNext = false;
    expect((await engine.run({ age: 30 })).events.map((e) => e.type)).toEqual(['first', 'sibling', 'later', 'last']);
  });
});
