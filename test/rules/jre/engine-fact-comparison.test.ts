import { Engine } from '../../../rules';
import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-fact-comparison.test.js: a fact as a condition's value, with
// params and path on either side. Its dynamic facts await almanac.factValue; ours are synchronous.

const event = { type: 'success-event' };
const rule = (condition: unknown) => [{ name: 'r', conditions: { all: [condition] }, event }];
const heightAtMostWidth = { fact: 'height', operator: 'lessThanInclusive', value: { fact: 'width' } };
const multipliers = {
  widthMultiplier: {
    compute: (params: any, almanac: any) =>
      params.multiplier * (almanac.factValueSync ? almanac.factValueSync('width') : 0),
  },
  heightMultiplier: {
    compute: (params: any, almanac: any) =>
      params.multiplier * (almanac.factValueSync ? almanac.factValueSync('height') : 0),
  },
};

const cases: JreCase[] = [
  {
    name: 'constant facts: a fact compared with another fact',
    rules: rule(heightAtMostWidth),
    run: { height: 1, width: 2 },
    events: ['success-event'],
  },
  {
    name: 'constant facts: the negative case',
    rules: rule(heightAtMostWidth),
    run: { height: 2, width: 1 },
    events: [],
  },
  {
    name: 'the rule result carries factResult and valueResult',
    rules: rule(heightAtMostWidth),
    run: { height: 1, width: 2 },
    results: [
      {
        'conditions.all[0].factResult': 1,
        'conditions.all[0].valueResult': 2,
        'conditions.all[0].value': { fact: 'width' },
      },
    ],
  },
  {
    name: 'paths on both sides',
    rules: rule({
      fact: 'account',
      path: '$.balance',
      operator: 'greaterThanInclusive',
      value: { fact: 'product', path: '$.price' },
    }),
    run: { account: { balance: 100 }, product: { price: 80 } },
    events: ['success-event'],
    results: [{ 'conditions.all[0].factResult': 100, 'conditions.all[0].valueResult': 80 }],
  },
  {
    name: 'params on both sides reach dynamic facts',
    rules: rule({
      fact: 'double',
      params: { n: 4 },
      operator: 'equal',
      value: { fact: 'double', params: { n: 2 }, path: '$.twice' },
    }),
    facts: { double: { compute: (params: any) => (params.n === 2 ? { twice: 8 } : params.n * 2) } },
    events: ['success-event'],
  },
  {
    name: 'an undefined fact as the value throws',
    rules: rule(heightAtMostWidth),
    run: { height: 1 },
    throws: { code: 'UNDEFINED_FACT', message: 'Undefined fact: width' },
  },
  {
    name: 'an undefined fact as the value is undefined when allowed',
    rules: rule({ ...heightAtMostWidth, operator: 'notEqual' }),
    options: { allowUndefinedFacts: true },
    run: { height: 1 },
    events: ['success-event'],
    results: [{ 'conditions.all[0].valueResult': undefined }],
  },
];

describe('Engine: fact to fact comparison', () => {
  runCases(cases);
  // json-rules-engine's facts may await almanac.factValue; ours are synchronous and use factValueSync.
  it('facts calling facts, synchronously', async () => {
    const engine = new Engine([
      {
        name: 'multipliers',
        conditions: {
          all: [
            {
              fact: 'widthMultiplier',
              params: { multiplier: 2 },
              operator: 'equal',
              value: { fact: 'heightMultiplier', params: { multiplier: 4 } },
            },
          ],
        },
        event,
      },
    ]);
    for (const [id, f] of Object.entries(multipliers)) engine.addFact(id, f.compute);
    expect((await engine.run({ height: 5, width: 10 })).events).toHaveLength(1);
    expect((await engine.run({ height: 5, width: 9 })).events).toHaveLength(0);
  });
});
