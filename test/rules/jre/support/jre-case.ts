import * as reference from 'json-rules-engine';
import { Almanac, Engine, Fact, JreRule, Operator, OperatorDecorator, type EngineOptions } from '../../../../rules';

/** One engine's classes: a case builds its Rule, Fact, Operator, OperatorDecorator and Almanac from these. */
export interface Lib {
  Rule: any;
  Fact: any;
  Operator: any;
  OperatorDecorator: any;
  Almanac: any;
}
const ours: Lib = { Rule: JreRule, Fact, Operator, OperatorDecorator, Almanac };
const theirs: Lib = reference;

// json-rules-engine's own test cases as data. Each case runs on the Engine and on json-rules-engine
// 7.3.1 itself, and both must meet the same expectations: a rewritten expectation that json-rules-engine
// does not meet is a wrong rewrite, not a pass.

export interface EngineFact {
  value?: unknown;
  compute?: (params: Record<string, any>, almanac: any) => unknown;
  options?: { priority?: number; cache?: boolean };
}

export interface JreCase {
  name: string;
  rules: Array<Record<string, unknown>>;
  conditions?: Record<string, Record<string, unknown>>;
  options?: EngineOptions;
  facts?: Record<string, EngineFact>;
  operators?: Record<string, (a: any, b: any) => unknown>;
  decorators?: Record<string, (a: any, b: any, next: (a: any, b: any) => unknown) => unknown>;
  /** The facts given to run(). */
  run?: Record<string, unknown>;
  /** Event types of successful rules, in order (across priority levels the order is exact). */
  events?: unknown[];
  failureEvents?: unknown[];
  /** Full events (type and params), in order. */
  fullEvents?: unknown[];
  /** Dotted paths into results[i] / failureResults[i], e.g. 'conditions.all[0].factResult'. */
  results?: Array<Record<string, unknown>>;
  failureResults?: Array<Record<string, unknown>>;
  throws?: { code: string; message: string };
  /** Set-up with the engine's own classes, after everything above. */
  build?: (engine: any, lib: Lib) => void;
  /** The almanac for run(facts, { almanac }), made from the engine's Almanac class. */
  almanac?: (lib: Lib) => unknown;
  /** The facts given to run(), made with the engine's classes (instead of `run`). */
  runWith?: (lib: Lib) => Record<string, unknown>;
  /** More expectations on the result. */
  then?: (result: any, lib: Lib) => void | Promise<void>;
}

export function dig(value: unknown, path: string): unknown {
  let v: any = value;
  for (const part of path.replace(/\[(\d+)\]/gu, '.$1').split('.')) v = v?.[part];
  return v;
}

function setUp(engine: any, c: JreCase, lib: Lib): any {
  for (const [id, f] of Object.entries(c.facts ?? {})) engine.addFact(id, f.compute ?? f.value, f.options);
  for (const [name, op] of Object.entries(c.operators ?? {})) engine.addOperator(name, op);
  for (const [name, d] of Object.entries(c.decorators ?? {})) engine.addOperatorDecorator(name, d);
  for (const [name, condition] of Object.entries(c.conditions ?? {}))
    engine.setCondition(name, structuredClone(condition));
  for (const rule of c.rules) engine.addRule(structuredClone(rule));
  c.build?.(engine, lib);
  return engine;
}

async function check(
  c: JreCase,
  engine: any,
  lib: Lib,
  label: string,
  codeOf: (e: any) => string | undefined,
): Promise<void> {
  const run = () => engine.run(c.runWith?.(lib) ?? c.run ?? {}, c.almanac ? { almanac: c.almanac(lib) } : undefined);
  if (c.throws) {
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect({ label, message: error?.message }).toEqual({ label, message: c.throws.message });
    const code = codeOf(error);
    if (code !== undefined) expect({ label, code }).toEqual({ label, code: c.throws.code });
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  const result = await run();
  if (c.events) expect({ label, events: result.events.map((e: any) => e.type) }).toEqual({ label, events: c.events });
  if (c.failureEvents)
    expect({ label, failureEvents: result.failureEvents.map((e: any) => e.type) }).toEqual({
      label,
      failureEvents: c.failureEvents,
    });
  if (c.fullEvents)
    expect({ label, events: JSON.parse(JSON.stringify(result.events)) }).toEqual({ label, events: c.fullEvents });
  for (const [key, expected] of [
    ['results', c.results],
    ['failureResults', c.failureResults],
  ] as const) {
    (expected ?? []).forEach((paths, i) => {
      for (const [path, want] of Object.entries(paths)) {
        expect({ label, at: `${key}[${i}].${path}`, value: dig(result[key][i], path) }).toEqual({
          label,
          at: `${key}[${i}].${path}`,
          value: want,
        });
      }
    });
  }
  await c.then?.(result, lib);
}

/** One `it` per case: the Engine first, then json-rules-engine against the same expectations. */
export function runCases(cases: JreCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      await check(c, setUp(new Engine([], c.options), c, ours), ours, 'Engine', (e) => e?.code ?? 'no code');
      await check(
        c,
        setUp(new reference.Engine([], c.options), c, theirs),
        theirs,
        'json-rules-engine',
        () => undefined,
      );
    });
  }
}
