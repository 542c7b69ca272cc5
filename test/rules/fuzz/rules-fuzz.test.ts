import fc from 'fast-check';
import { compileRuleSet } from '../../../rules/compiler/compile-rule-set';
import { Engine, JreError } from '../../../rules/jre';
import { operators } from '../../../rules/operators/operators';
import type { RuleSet } from '../../../rules/rule-set-schema';
import { RulesError } from '../../../rules/rules-error';
import { validateRuleSet } from '../../../rules/validation/validate-rule-set';
import { aFactCondition, aRule, aRuleSet, PEILDATUM } from '../support/factories';

/**
 * Random and hostile JSON through the validator, the compiler (validated and raw), evaluation and
 * the json-rules-engine compatible Engine. Allowed outcomes: a result, or a coded error (RulesError,
 * or the Engine's JreError). Never a TypeError or RangeError, and no input may take more than 50×
 * the median of simple inputs measured in this same run (or 200 ms, whichever is more: a generous
 * floor for a shared machine). Replay a failure with RULES_FUZZ_SEED=<seed>.
 */
const SEED = process.env.RULES_FUZZ_SEED ? Number(process.env.RULES_FUZZ_SEED) : Date.now() % 2 ** 31;
const BUDGET_FACTOR = 50;
const BUDGET_FLOOR_MS = 200;

const FACT_NAMES = [
  'householdSize',
  'annualIncome',
  'permitType',
  'medicalUrgency',
  'koppelingDate',
  'dateOfBirth',
  'age',
  'unknownFact',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
];
const OPERATOR_NAMES = [...Object.keys(operators), 'bogus', 'toString', '__proto__', 'someFact:equal', 'not:in'];
const NAMES = ['basis', 'c1', 'missing', '__proto__', 'constructor', 'toString'];

/** Objects JSON.parse makes but object literals cannot: an own __proto__ key; and toString that is no function. */
const hostileObjects = [
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  { toString: 1 },
  { valueOf: 1, toString: 1 },
  { fact: 'householdSize' },
  { param: '__proto__' },
];
const weirdNumber = fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -0, 2 ** 53 + 2, 5e-324, -1);
const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  weirdNumber,
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2026-01-01', '2026-02-30', 'asiel', 'nareis', '5', ''),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 6 }),
  fc.record({ param: fc.constantFrom('inkomensgrens', 'minimumLeeftijd', 'nope', '__proto__', 'toString') }),
  fc.constantFrom(...hostileObjects),
  fc.jsonValue({ maxDepth: 3 }),
);
const priority = fc.oneof(
  fc.integer({ min: -2, max: 5 }),
  fc.double(),
  weirdNumber,
  fc.string({ maxLength: 3 }),
  fc.constantFrom(...hostileObjects),
);

const { condition } = fc.letrec<{ condition: unknown }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    fc.record(
      {
        fact: fc.oneof(fc.constantFrom(...FACT_NAMES), fc.constantFrom(5, null, ...hostileObjects)),
        operator: fc.oneof(fc.constantFrom(...OPERATOR_NAMES), fc.constantFrom(7, null)),
        value,
        priority,
        path: fc.constantFrom('$.a', '$.__proto__.b', '/x', 5),
      },
      { requiredKeys: ['fact', 'operator'] },
    ),
    fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }), priority }, { requiredKeys: ['all'] }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }), priority }, { requiredKeys: ['any'] }),
    fc.record({ not: tie('condition') }),
    fc.record({ not: fc.array(tie('condition'), { maxLength: 2 }) }),
    fc.record(
      { condition: fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(5, null)), priority },
      { requiredKeys: ['condition'] },
    ),
    fc.oneof(scalar, fc.jsonValue({ maxDepth: 2 })),
  ),
}));

const rule = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('regel', '__proto__', 5)),
    title: fc.constantFrom('Titel', '', 7),
    description: fc.constant('Omschrijving'),
    legalBasis: fc.constantFrom('Art. 2.1', '{{artikel}}', '{'.repeat(50)),
    priority,
    enabled: fc.boolean(),
    conditions: condition,
    event: fc.oneof(
      fc.record(
        {
          type: fc.constantFrom('priority', 'x'),
          params: fc.oneof(
            fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
            fc.constantFrom(...hostileObjects),
          ),
        },
        { requiredKeys: ['type'] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: ['conditions', 'event'] },
);

/** Own facts, derived ones among them: any op, inputs that exist or not, cycles, hostile tables. */
const OWN_NAMES = ['f1', 'f2', 'f3', 'score', 'constructor', 'age'];
const inputName = fc.oneof(fc.constantFrom(...FACT_NAMES, ...OWN_NAMES), fc.constantFrom(5, null));
const derivation = fc.oneof(
  fc.record(
    {
      op: fc.constantFrom('years-since', 'weeks-since', 'days-since', 'sum', 'difference', 'lookup', 'eval', 5),
      fact: inputName,
      facts: fc.oneof(fc.array(inputName, { maxLength: 4 }), fc.constantFrom('f1', null)),
      table: fc.oneof(
        fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 4 }),
        fc.constantFrom(...hostileObjects),
      ),
      default: scalar,
    },
    { requiredKeys: ['op'] },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const ownFact = fc.record(
  {
    type: fc.constantFrom('integer', 'number', 'date', 'enum', 'string', 'boolean', 'x'),
    label: fc.constant({ nl: 'L', en: 'L' }),
    description: fc.constant({ nl: 'D', en: 'D' }),
    unit: fc.constantFrom('punten', 'jaar', 'EUR/jaar', 'bogus'),
    options: fc.constant([{ value: 'a', label: { nl: 'a', en: 'a' } }]),
    derivation,
  },
  { requiredKeys: ['type', 'label', 'description'] },
);

/** Rule sets shaped like ours, every part possibly wrong. */
const structured = fc
  .record({
    rules: fc.array(rule, { maxLength: 4 }),
    namedConditions: fc.option(fc.dictionary(fc.constantFrom(...NAMES), condition, { maxKeys: 4 }), { nil: undefined }),
    facts: fc.option(fc.dictionary(fc.constantFrom(...OWN_NAMES), ownFact, { maxKeys: 4 }), { nil: undefined }),
    kind: fc.constantFrom('housing-priority', 'housing-priority', 'other', 5),
  })
  .map(({ rules, namedConditions, facts, kind }) => ({
    ...aRuleSet(),
    kind,
    rules,
    ...(namedConditions ? { namedConditions } : {}),
    ...(facts ? { facts } : {}),
  }));

/** n own facts, each derived from the one before (a chain), from all before it (a fan-in), or in a ring. */
function derivedFacts(n: number, shape: 'chain' | 'fan' | 'ring'): unknown {
  const facts: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const inputs =
      shape === 'fan'
        ? Array.from({ length: Math.min(i, 20) }, (_, k) => `d${i - k - 1}`)
        : [shape === 'ring' ? `d${(i + 1) % n}` : i === 0 ? 'householdSize' : `d${i - 1}`];
    facts[`d${i}`] = {
      type: 'integer',
      unit: 'personen',
      label: { nl: `D${i}`, en: `D${i}` },
      description: { nl: 'D', en: 'D' },
      derivation: { op: 'sum', facts: inputs.length >= 2 ? inputs : [...inputs, 'householdSize'] },
    };
  }
  return {
    ...aRuleSet({ rules: [aRule({ conditions: { all: [aFactCondition(`d${n - 1}`, 'greaterThan', 1)] } })] }),
    facts,
  };
}

/** Inputs built to hurt: deep nesting, long chains, long lists and strings, many rules, 1e999, proto keys. */
const adversarial = fc.oneof(
  fc
    .record({
      kind: fc.constantFrom('all', 'any', 'not', 'not-list', 'mixed'),
      depth: fc.integer({ min: 1, max: 5_000 }),
    })
    .map(({ kind, depth }) => {
      let c: unknown = aFactCondition();
      for (let i = 0; i < depth; i++) {
        const k = kind === 'mixed' ? (['all', 'any', 'not', 'not-list'] as const)[i % 4] : kind;
        c = k === 'not' ? { not: c } : k === 'not-list' ? { not: [c] } : { [k as string]: [c] };
      }
      return aRuleSet({ rules: [aRule({ conditions: c as never })] });
    }),
  fc.integer({ min: 1, max: 3_000 }).map((n) => {
    const namedConditions: Record<string, unknown> = {};
    for (let i = 0; i < n; i++)
      namedConditions[`c${i}`] = { all: [i === n - 1 ? aFactCondition() : { condition: `c${i + 1}` }] };
    return { ...aRuleSet({ rules: [aRule({ conditions: { condition: 'c0' } })] }), namedConditions };
  }),
  fc.integer({ min: 0, max: 30_000 }).map(
    (n) =>
      aRuleSet({
        rules: [
          aRule({
            conditions: {
              all: [
                aFactCondition(
                  'permitType',
                  'in',
                  Array.from({ length: n }, () => 'asiel'),
                ),
              ],
            },
          }),
        ],
      }) as unknown,
  ),
  fc.integer({ min: 0, max: 100_000 }).map((n) => aRuleSet({ title: 'x'.repeat(n) }) as unknown),
  fc
    .constantFrom(0, 1, 50, 1_001, 3_000)
    .map((n) => aRuleSet({ rules: Array.from({ length: n }, (_, i) => aRule({ name: `r${i}` })) }) as unknown),
  fc.constantFrom('"value":4', '"priority":3', '"n":1', '"value":51537').map((find) => {
    const text = JSON.stringify(aRuleSet({ rules: [aRule({ priority: 3, event: { type: 'x', params: { n: 1 } } })] }));
    return JSON.parse(text.replace(find, find.replace(/[0-9]+$/, '1e999'))) as unknown;
  }),
  fc
    .record({
      n: fc.integer({ min: 1, max: 250 }),
      shape: fc.constantFrom<'chain' | 'fan' | 'ring'>('chain', 'fan', 'ring'),
    })
    .map(({ n, shape }) => derivedFacts(n, shape)),
  fc
    .constantFrom('"category"', '"inkomensgrens"', '"householdSize"')
    .map((find) => JSON.parse(JSON.stringify(aRuleSet()).replace(find, '"__proto__"')) as unknown),
);

const FACT_SETS: unknown[] = [
  {},
  {
    householdSize: 5,
    annualIncome: 30_000,
    permitType: 'asiel',
    medicalUrgency: true,
    koppelingDate: '2025-06-01',
    dateOfBirth: '1990-01-01',
  },
  { householdSize: '5', annualIncome: null, permitType: 7, koppelingDate: 'gisteren' },
  { householdSize: { toString: 1 }, constructor: 1 },
  { householdSize: 2, f1: 3, f2: '2026-01-01', score: 'a', d0: 4 },
  JSON.parse('{"__proto__":{"householdSize":9},"permitType":["asiel"]}'),
];

function coded(error: unknown): void {
  if (error instanceof RulesError || error instanceof JreError) {
    expect(typeof error.code).toBe('string');
    return;
  }
  const e = error as Error;
  throw new Error(`not a coded error: ${e?.name}: ${e?.message}\n${e?.stack ?? ''}`);
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    coded(error);
    return undefined;
  }
}

async function processInput(input: unknown, withEngine: boolean): Promise<void> {
  const result = validateRuleSet(input);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(typeof issue.code).toBe('string');
    expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
  }
  for (const [options, validated] of [
    [{ skipValidation: true }, false],
    [{ skipValidation: true, allowUndefinedFacts: false }, false],
    [{}, true],
  ] as const) {
    const compiled = attempt(() => compileRuleSet(input as RuleSet, options));
    if (validated) expect(compiled !== undefined).toBe(result.valid);
    if (!compiled) continue;
    for (const facts of FACT_SETS) {
      for (const explain of [false, true])
        attempt(() => compiled.evaluate(facts as never, { peildatum: PEILDATUM, explain }));
    }
  }
  if (withEngine) await runEngine(input);
}

async function runEngine(input: unknown): Promise<void> {
  const engine = attempt(() => new Engine([], { allowUndefinedFacts: true }));
  if (!engine) return;
  const doc = (typeof input === 'object' && input !== null ? input : {}) as {
    rules?: unknown;
    namedConditions?: unknown;
  };
  if (typeof doc.namedConditions === 'object' && doc.namedConditions !== null) {
    for (const [name, c] of Object.entries(doc.namedConditions)) attempt(() => engine.setCondition(name, c));
  }
  if (Array.isArray(doc.rules)) for (const r of doc.rules.slice(0, 50)) attempt(() => engine.addRule(r as never));
  for (const facts of FACT_SETS.slice(0, 3)) {
    try {
      await engine.run(facts as Record<string, unknown>);
    } catch (error) {
      coded(error);
    }
  }
}

async function timed(input: unknown, withEngine: boolean): Promise<number> {
  const start = performance.now();
  await processInput(input, withEngine);
  return performance.now() - start;
}

describe.each([
  ['validator and compiler', false],
  ['Engine (json-rules-engine compatible)', true],
])('fuzz: the %s take any JSON', (_, withEngine) => {
  let budget = BUDGET_FLOOR_MS;

  const simpleInputs = [
    aRuleSet(),
    aRuleSet({
      rules: [
        aRule({ conditions: { any: [aFactCondition(), { not: aFactCondition('permitType', 'in', ['asiel']) }] } }),
      ],
    }),
  ];

  beforeAll(async () => {
    for (const input of simpleInputs) await timed(input, withEngine); // warm-up: ajv's first compile, JIT
    const times: number[] = [];
    for (let i = 0; i < 21; i++) times.push(await timed(simpleInputs[i % simpleInputs.length], withEngine));
    times.sort((a, b) => a - b);
    budget = Math.max(BUDGET_FACTOR * (times[10] as number), BUDGET_FLOOR_MS);
    if (process.env.RULES_FUZZ_VERBOSE)
      console.log(
        `seed ${SEED}: median of simple inputs ${(times[10] as number).toFixed(2)} ms, budget ${budget.toFixed(1)} ms`,
      );
  });

  /**
   * Within the budget. Over it, measured again twice, and the baseline with it: load on a shared
   * machine comes and goes, so the ratio to a simple input timed just now is what counts then.
   */
  async function expectWithinBudget(input: unknown): Promise<void> {
    let best = await timed(input, withEngine);
    if (best <= budget) return;
    let now = Infinity;
    for (let i = 0; i < 2; i++) {
      best = Math.min(best, await timed(input, withEngine));
      for (const simple of simpleInputs) now = Math.min(now, await timed(simple, withEngine));
    }
    const allowed = Math.max(budget, BUDGET_FACTOR * now);
    if (process.env.RULES_FUZZ_VERBOSE)
      console.log(
        `${best.toFixed(1)} ms (simple input now ${now.toFixed(2)} ms): ${JSON.stringify(input).slice(0, 300)}`,
      );
    if (best > allowed) throw new Error(`took ${best.toFixed(1)} ms, budget ${allowed.toFixed(1)} ms`);
  }

  const settings = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

  it('rule sets shaped like ours, every part possibly wrong', async () => {
    await fc.assert(fc.asyncProperty(structured, expectWithinBudget), settings(300));
  });

  it('inputs built to hurt', async () => {
    await fc.assert(fc.asyncProperty(adversarial, expectWithinBudget), settings(60));
  });

  it('any JSON at all', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), expectWithinBudget), settings(100));
  });
});
