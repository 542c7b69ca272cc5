import * as reference from 'json-rules-engine';
import { Engine as ReferenceEngine } from 'json-rules-engine';
import { Engine, Fact, JreRule, Operator, OperatorDecorator } from '../../../../rules';

/** One engine's classes, for set-ups that pass instances instead of JSON shapes. */
interface Classes {
  Rule: new (props: any) => unknown;
  Fact: new (id: string, value: unknown, options?: object) => unknown;
  Operator: new (name: string, cb: (a: any, b: any) => any) => unknown;
  OperatorDecorator: new (name: string, cb: (a: any, b: any, next: (a: any, b: any) => any) => any) => unknown;
}
const OURS: Classes = { Rule: JreRule, Fact, Operator, OperatorDecorator };
const THEIRS = reference as unknown as Classes;
import type { GeneratedCase } from './generate-case';

/** Anything both engines offer: enough to set one up from a generated case. */
interface EngineLike {
  addFact(id: any, value?: unknown, options?: { priority?: number; cache?: boolean }): unknown;
  addOperator(name: any, cb?: (a: any, b: any) => any): unknown;
  addOperatorDecorator(name: any, cb?: (a: any, b: any, next: (a: any, b: any) => any) => any): unknown;
  setCondition(name: string, c: any): unknown;
  addRule(r: any): unknown;
}

const dynamicFacts = {
  double: (params: Record<string, unknown>) => (typeof params.k === 'number' ? params.k * 2 : 7),
  param: (params: Record<string, unknown>) => params.k ?? 'none',
};

function setUp<T extends EngineLike>(engine: T, c: GeneratedCase, classes?: Classes): T {
  for (const f of c.engineFacts) {
    const options =
      f.priority === undefined && f.cache === undefined
        ? undefined
        : { ...(f.priority ? { priority: f.priority } : {}), cache: f.cache ?? true };
    const value = f.dynamic ? dynamicFacts[f.dynamic] : f.value;
    if (classes) engine.addFact(new classes.Fact(f.id, value, options));
    else engine.addFact(f.id, value, options);
  }
  if (c.customOperators) {
    const startsWith = (a: any, b: any) => typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
    const oneIfEqual = (a: any, b: any) => (a === b ? 1 : 0);
    const orNull = (a: any, b: any, next: (a: any, b: any) => any) => a === null || next(a, b);
    if (classes) {
      engine.addOperator(new classes.Operator('startsWith', startsWith));
      engine.addOperator(new classes.Operator('oneIfEqual', oneIfEqual));
      engine.addOperatorDecorator(new classes.OperatorDecorator('orNull', orNull));
    } else {
      engine.addOperator('startsWith', startsWith);
      engine.addOperator('oneIfEqual', oneIfEqual);
      engine.addOperatorDecorator('orNull', orNull);
    }
  }
  for (const [name, condition] of c.conditions) engine.setCondition(name, structuredClone(condition));
  for (const rule of c.rules) engine.addRule(classes ? new classes.Rule(structuredClone(rule)) : structuredClone(rule));
  return engine;
}

/**
 * Both engines from one case; rules are copied for each, since json-rules-engine rewrites what it is
 * given. `classes`: facts, operators, decorators and rules passed as each engine's own class instances.
 */
export function buildEngines(c: GeneratedCase, classes = false): { ours: Engine; reference: ReferenceEngine } {
  return {
    ours: setUp(new Engine([], c.options), c, classes ? OURS : undefined),
    reference: setUp(
      new ReferenceEngine([], c.options) as unknown as EngineLike,
      c,
      classes ? THEIRS : undefined,
    ) as unknown as ReferenceEngine,
  };
}

/** Order-independent text for any value, undefined and NaN included; own enumerable properties only. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

interface RunLike {
  events: unknown[];
  failureEvents: unknown[];
  results: any[];
  failureResults: any[];
}

/**
 * A run reduced to what must agree: events grouped per priority level (levels in order, a multiset
 * within each), the same for failure events, and every rule result keyed by rule name.
 */
export function outcome(run: RunLike): string {
  const levels = (events: unknown[], results: any[]) => {
    const out: Array<{ priority: number; events: string[] }> = [];
    events.forEach((e, i) => {
      const priority = results[i]?.priority as number;
      const last = out[out.length - 1];
      if (last && last.priority === priority) last.events.push(canonical(e));
      else out.push({ priority, events: [canonical(e)] });
    });
    return out.map((l) => `${l.priority}:${l.events.sort().join('|')}`).join(' > ');
  };
  const results = [...run.results, ...run.failureResults].map((r) => `${String(r.name)}=${canonical({ ...r })}`).sort();
  return [
    `events ${levels(run.events, run.results)}`,
    `failures ${levels(run.failureEvents, run.failureResults)}`,
    ...results,
  ].join('\n');
}

/** json-rules-engine's errors by message; ours carry the code. */
export function referenceErrorCode(error: any): string {
  if (error?.code) return error.code as string;
  const message = String(error?.message);
  if (message.startsWith('No condition')) return 'UNDEFINED_CONDITION';
  if (message.startsWith('Unknown operator')) return 'UNKNOWN_OPERATOR';
  if (error instanceof TypeError) return 'INVALID_OPERAND';
  return `other: ${message}`;
}
