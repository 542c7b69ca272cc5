import type { Random } from './random';

// Random json-rules-engine set-ups over every feature the Engine claims: all operators, decorators and
// their compositions, custom operators and decorators, facts as values, paths, params, condition and
// fact priorities, condition references (defined, undefined, chained), empty all/any, not, rule
// priorities (0, fractions, strings), engine options, dynamic and constant engine facts, and
// event params that name facts.

export interface GeneratedCase {
  /** Only what the Engine's untraced path takes (see rules/jre/compile-fast.ts). */
  plain: boolean;
  options: { allowUndefinedFacts: boolean; allowUndefinedConditions: boolean; replaceFactsInEventParams: boolean };
  rules: Array<Record<string, unknown>>;
  conditions: Array<[string, Record<string, unknown>]>;
  engineFacts: Array<{ id: string; value?: unknown; dynamic?: 'double' | 'param'; priority?: number; cache?: boolean }>;
  customOperators: boolean;
  runs: Array<Record<string, unknown>>;
}

const SCALAR_FACTS = ['a', 'b', 'c', 'n'];
const LIST_FACTS = ['list', 'nums'];
const OBJECT_FACTS = ['obj', 'rows'];
const ALL_FACTS = [...SCALAR_FACTS, ...LIST_FACTS, ...OBJECT_FACTS, 'dyn', 'konst', 'missing'];
const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];
const CUSTOM = ['startsWith', 'oneIfEqual'];
const DECORATORS = ['someFact', 'everyFact', 'someValue', 'everyValue', 'not', 'swap'];
const PATHS: Record<string, string[]> = {
  obj: [
    '$.p',
    '$.q',
    '$.q[0]',
    '$.q[*]',
    '$.r.s',
    "$['x-y']",
    '$..s',
    'p',
    '$',
    '$.missing',
    '$.q[5]',
    '$.r.*',
    '$.q.length',
  ],
  rows: ['$[0]', '$.[0].id', '$[*].id', '$..id', '$[1].tags', '$[*].tags[0]', '$[9].id'],
};

function scalar(r: Random): unknown {
  return r.pick<unknown>([
    0,
    1,
    2,
    3,
    5,
    7,
    10,
    12,
    -1,
    2.5,
    '5',
    '10',
    '3',
    'x',
    'y',
    'ab',
    'a',
    '',
    true,
    false,
    null,
  ]);
}

function value(r: Random): unknown {
  const k = r.int(0, 9);
  if (k < 5) return scalar(r);
  if (k < 8) return Array.from({ length: r.int(0, 3) }, () => scalar(r));
  if (k === 8) return r.pick(['abc', 'xa', '1 2 3']);
  return undefined;
}

function operatorName(r: Random, custom: boolean, plain: boolean): string {
  if (plain) return r.pick(OPERATORS);
  const base =
    custom && r.chance(0.15)
      ? r.pick(CUSTOM)
      : r.chance(0.01)
        ? r.pick(['nope', 'bogus:equal', ':equal'])
        : r.pick(OPERATORS);
  let name = base;
  const decorators = r.pick([0, 0, 0, 1, 1, 2]);
  for (let i = 0; i < decorators; i++) name = `${custom && r.chance(0.1) ? 'orNull' : r.pick(DECORATORS)}:${name}`;
  return name;
}

function factCondition(r: Random, c: GeneratedCase): Record<string, unknown> {
  const fact = r.pick(c.plain ? ALL_FACTS.filter((f) => f !== 'dyn') : ALL_FACTS);
  const operator = operatorName(r, c.customOperators, c.plain);
  // Mostly arrays where the operator wants one: otherwise json-rules-engine throws and little else is tested.
  const wantsList = /(^|:)(in|notIn)$|someValue|everyValue/u.test(operator) && (c.plain || r.chance(0.85));
  const condition: Record<string, unknown> = {
    fact,
    operator,
    value: wantsList ? Array.from({ length: r.int(0, 3) }, () => scalar(r)) : value(r),
  };
  if (PATHS[fact] && r.chance(0.7)) condition.path = r.pick(PATHS[fact]);
  if (fact === 'dyn' && r.chance(0.6)) condition.params = { k: r.int(0, 3) };
  if (!c.plain && r.chance(0.25)) {
    const other = r.pick(ALL_FACTS);
    const ref: Record<string, unknown> = { fact: other };
    if (PATHS[other] && r.chance(0.7)) ref.path = r.pick(PATHS[other]);
    if (other === 'dyn' && r.chance(0.5)) ref.params = { k: r.int(0, 3) };
    condition.value = ref;
  }
  if (r.chance(0.12)) condition.priority = r.pick<unknown>([1, 2, 3, '2', 2.5, 0]);
  return condition;
}

function condition(r: Random, c: GeneratedCase, depth: number, names: string[]): Record<string, unknown> {
  const k = r.int(0, 9);
  if (depth >= 3 || k < 5) {
    if (names.length > 0 && r.chance(0.12)) {
      const ref: Record<string, unknown> = {
        condition: undefinedAllowed(c) && r.chance(0.08) ? 'undefinedName' : r.pick(names),
      };
      if (r.chance(0.1)) ref.priority = r.pick([2, 3]);
      return ref;
    }
    return factCondition(r, c);
  }
  const group = (): Record<string, unknown>[] =>
    Array.from({ length: r.pick([0, 1, 2, 2, 3, 4]) }, () => condition(r, c, depth + 1, names));
  const out: Record<string, unknown> =
    k < 7 ? { all: group() } : k < 9 ? { any: group() } : { not: condition(r, c, depth + 1, names) };
  if (r.chance(0.1)) out.priority = r.pick([1, 2, 3]);
  return out;
}

// Without allowUndefinedConditions, json-rules-engine throws for an undefined reference synchronously,
// in the middle of starting other conditions whose rejections are then never handled (Node reports
// them as unhandled rejections). That throw is covered by engine-condition.test.ts instead.
const undefinedAllowed = (c: GeneratedCase) => c.options.allowUndefinedConditions;

function root(r: Random, c: GeneratedCase, names: string[]): Record<string, unknown> {
  const k = r.int(0, 9);
  if (k === 9 && names.length > 0)
    return { condition: undefinedAllowed(c) && r.chance(0.1) ? 'undefinedName' : r.pick(names) };
  const sub = condition(r, c, 1, names);
  const group = (): Record<string, unknown>[] => [
    sub,
    ...Array.from({ length: r.pick([0, 0, 1, 2, 3]) }, () => condition(r, c, 1, names)),
  ];
  if (k < 5) return { all: r.chance(0.05) ? [] : group() };
  if (k < 8) return { any: r.chance(0.05) ? [] : group() };
  return { not: sub };
}

function runtimeFacts(r: Random): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of SCALAR_FACTS) if (r.chance(0.85)) facts[name] = scalar(r);
  if (r.chance(0.8)) facts.list = Array.from({ length: r.int(0, 4) }, () => scalar(r));
  if (r.chance(0.8)) facts.nums = Array.from({ length: r.int(0, 4) }, () => r.int(-2, 12));
  if (r.chance(0.85))
    facts.obj = r.chance(0.1)
      ? scalar(r)
      : {
          p: scalar(r),
          q: Array.from({ length: r.int(0, 3) }, () => scalar(r)),
          r: { s: scalar(r), t: scalar(r) },
          'x-y': scalar(r),
        };
  if (r.chance(0.8))
    facts.rows = Array.from({ length: r.int(0, 3) }, () => ({
      id: r.int(0, 4),
      tags: Array.from({ length: r.int(0, 2) }, () => r.pick(['x', 'y'])),
    }));
  if (r.chance(0.1)) facts.konst = scalar(r);
  if (r.chance(0.05)) facts.missing = undefined;
  return facts;
}

export function generateCase(r: Random, runsPerCase: number, plain = false): GeneratedCase {
  const c: GeneratedCase = {
    plain,
    options: {
      allowUndefinedFacts: plain || r.chance(0.85),
      allowUndefinedConditions: plain || r.chance(0.6),
      replaceFactsInEventParams: r.chance(0.3),
    },
    rules: [],
    conditions: [],
    engineFacts: [],
    customOperators: !plain && r.chance(0.3),
    runs: [],
  };
  const names: string[] = [];
  for (let i = 0; i < r.pick([0, 0, 1, 2, 3]); i++) {
    const name = `named${i}`;
    c.conditions.push([name, root(r, c, names)]);
    names.push(name);
  }
  if (!plain)
    c.engineFacts.push({
      id: 'dyn',
      dynamic: r.chance(0.5) ? 'double' : 'param',
      priority: r.pick([undefined, 1, 2, 5]),
      cache: r.chance(0.8),
    });
  c.engineFacts.push({ id: 'konst', value: scalar(r), priority: r.pick([undefined, 3]) });
  if (r.chance(0.3)) c.engineFacts.push({ id: 'a', value: scalar(r), priority: r.pick([undefined, 2, 4]) });
  for (let i = 0; i < r.int(1, 5); i++) {
    const params: Record<string, unknown> = { i };
    if (r.chance(0.4)) params.seen = { fact: r.pick(ALL_FACTS), ...(r.chance(0.3) ? { path: '$.p' } : {}) };
    const rule: Record<string, unknown> = {
      name: `r${i}`,
      conditions: root(r, c, names),
      event: { type: r.pick(['t1', 't2', 't3']), params },
    };
    const priority = r.pick<unknown>([undefined, undefined, 0, 1, 2, 2.5, '3', 3, 10]);
    if (priority !== undefined) rule.priority = priority;
    c.rules.push(rule);
  }
  c.runs = Array.from({ length: runsPerCase }, () => runtimeFacts(r));
  return c;
}
