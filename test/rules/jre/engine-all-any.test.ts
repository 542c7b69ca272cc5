import { runCases, type JreCase } from './support/jre-case';

// From json-rules-engine's test/engine-all.test.js and engine-any.test.js, plus the edges
// docs/design.md names: an empty `any` holds, and so does an empty `all`.

const under50 = { type: 'ageTrigger', params: { demographic: 'under50' } };
const all = (conditions: unknown[]) => [{ name: 'r', conditions: { all: conditions }, event: under50 }];
const any = (conditions: unknown[]) => [{ name: 'r', conditions: { any: conditions }, event: under50 }];
const ageLessThan50 = { fact: 'age', operator: 'lessThan', value: 50 };
const ageOver21 = { fact: 'age', operator: 'greaterThan', value: 21 };
const european = { fact: 'segment', operator: 'equal', value: 'european' };

const cases: JreCase[] = [
  {
    name: 'all, one condition: fires when it holds',
    rules: all([ageLessThan50]),
    facts: { age: { compute: () => 10 } },
    events: ['ageTrigger'],
  },
  {
    name: 'all, one condition: does not fire when it fails',
    rules: all([ageLessThan50]),
    facts: { age: { compute: () => 65 } },
    events: [],
    failureEvents: ['ageTrigger'],
  },
  {
    name: 'all, two conditions: fires when every condition holds',
    rules: all([ageLessThan50, ageOver21]),
    run: { age: 30 },
    events: ['ageTrigger'],
  },
  {
    name: 'all, two conditions: the first fails',
    rules: all([ageLessThan50, ageOver21]),
    run: { age: 10 },
    events: [],
  },
  {
    name: 'all, two conditions: the second fails',
    rules: all([ageLessThan50, ageOver21]),
    run: { age: 65 },
    events: [],
  },
  {
    name: 'any, one condition: fires when it holds',
    rules: any([ageLessThan50]),
    run: { age: 10 },
    events: ['ageTrigger'],
  },
  {
    name: 'any, one condition: does not fire when it fails',
    rules: any([ageLessThan50]),
    run: { age: 75 },
    events: [],
  },
  {
    name: 'any, two conditions: the first holds',
    rules: any([ageLessThan50, european]),
    run: { age: 25, segment: 'north-american' },
    events: ['ageTrigger'],
  },
  {
    name: 'any, two conditions: the second holds',
    rules: any([ageLessThan50, european]),
    run: { age: 100, segment: 'european' },
    events: ['ageTrigger'],
  },
  {
    name: 'any, two conditions: both fail',
    rules: any([ageLessThan50, european]),
    run: { age: 100, segment: 'north-american' },
    events: [],
  },
  { name: 'any: [] holds', rules: any([]), events: ['ageTrigger'], results: [{ result: true }] },
  { name: 'all: [] holds', rules: all([]), events: ['ageTrigger'] },
  {
    name: 'nested any inside all',
    rules: all([ageOver21, { any: [european, { fact: 'segment', operator: 'equal', value: 'asian' }] }]),
    run: { age: 30, segment: 'asian' },
    events: ['ageTrigger'],
    results: [
      {
        'conditions.all[1].result': true,
        'conditions.all[1].any[0].result': false,
        'conditions.all[1].any[1].result': true,
      },
    ],
  },
  {
    name: 'every condition of one priority is evaluated, even after one failed',
    rules: all([{ fact: 'age', operator: 'lessThan', value: 5 }, ageOver21]),
    run: { age: 30 },
    failureResults: [
      { 'conditions.all[0].result': false, 'conditions.all[1].result': true, 'conditions.all[1].factResult': 30 },
    ],
  },
  {
    name: 'a lower priority group is skipped once a higher one decided "all"',
    rules: all([{ fact: 'age', operator: 'lessThan', value: 5, priority: 2 }, ageOver21]),
    run: { age: 30 },
    failureResults: [{ 'conditions.all[0].result': false, 'conditions.all[1].result': undefined }],
  },
  {
    name: 'a lower priority group that is skipped cannot throw',
    rules: all([
      { fact: 'age', operator: 'lessThan', value: 5, priority: 2 },
      { fact: 'unknown', operator: 'equal', value: 1 },
    ]),
    run: { age: 30 },
    failureEvents: ['ageTrigger'],
  },
  {
    name: 'an undefined fact in the same priority group throws',
    rules: all([
      { fact: 'age', operator: 'lessThan', value: 5 },
      { fact: 'unknown', operator: 'equal', value: 1 },
    ]),
    run: { age: 30 },
    throws: { code: 'UNDEFINED_FACT', message: 'Undefined fact: unknown' },
  },
  {
    name: "a custom operator's truthy non-boolean result decides a single-condition root but not a group",
    operators: { one: () => 1 },
    rules: [
      { name: 'single', conditions: { all: [{ fact: 'x', operator: 'one', value: 0 }] }, event: { type: 'single' } },
      {
        name: 'pair',
        conditions: {
          all: [
            { fact: 'x', operator: 'one', value: 0 },
            { fact: 'x', operator: 'one', value: 0 },
          ],
        },
        event: { type: 'pair' },
      },
    ],
    run: { x: 1 },
    events: ['single'],
    failureEvents: ['pair'],
    results: [{ result: 1 }],
  },
];

describe('Engine: "all" and "any" conditions', () => runCases(cases));
