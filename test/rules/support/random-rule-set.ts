import type { Condition, TopLevelCondition } from '../../../rules/condition-schema';
import { operators, type OperatorName } from '../../../rules/operators/operators';
import type { RuleSet } from '../../../rules/rule-set-schema';
import type { Random } from './random';

// Deliberately not valid by our validation: the differential test covers json-rules-engine's
// semantics over awkward inputs too (text vs numbers, null, substring `in`, unknown facts).

export const FACT_NAMES = [
  'householdSize',
  'annualIncome',
  'permitType',
  'medicalUrgency',
  'koppelingDate',
  'weeksSinceKoppeling',
  'age',
  'unknownFact',
  'constructor',
] as const;
const OPERATOR_NAMES = Object.keys(operators) as OperatorName[];
const PRIORITIES = [undefined, undefined, undefined, 0, 1, 2, 2.5, 3];
const DATES = ['2025-06-01', '2025-12-31', '2026-01-15', '2026-02-29', 'not-a-date'];

export function randomScalar(r: Random): unknown {
  switch (r.int(0, 9)) {
    case 0:
      return r.int(-2, 12);
    case 1:
      return r.pick([0, 1, 4, 5, 10, 2.5, 51537, 29400.5]);
    case 2:
      return r.pick(['5', '10', '4', 'abc', '', '2.5x']);
    case 3:
      return r.pick(['asiel', 'nareis', 'regulier', 'sie']);
    case 4:
      return r.chance(0.5);
    case 5:
      return null;
    case 6:
      return r.pick(DATES);
    case 7:
      return r.int(0, 40);
    case 8:
      return r.pick([3, 18, 65]);
    default:
      return r.pick(['a', 'asiel', 5, true]);
  }
}

function randomValue(r: Random, operator: OperatorName, parameterNames: string[]): unknown {
  if (parameterNames.length > 0 && r.chance(0.1)) return { param: r.pick(parameterNames) };
  if (operator === 'in' || operator === 'notIn') {
    if (r.chance(0.15)) return r.pick(['asiel of nareis', '12345', 'abc']);
    if (r.chance(0.01)) return r.pick([5, null, true]);
    return Array.from({ length: r.int(0, 3) }, () => randomScalar(r));
  }
  if (operator === 'withinDays' || operator === 'moreThanDaysAgo') return r.pick([0, 7, 30, 90, 365, '30']);
  return randomScalar(r);
}

function withPriority<T extends object>(r: Random, c: T): T {
  const p = r.pick(PRIORITIES);
  return p === undefined ? c : { ...c, priority: p };
}

function randomCondition(r: Random, depth: number, named: string[], parameterNames: string[]): Condition {
  const roll = r.next();
  if (depth > 0 && roll < 0.25) {
    const kind = r.pick(['all', 'any'] as const);
    const children = Array.from({ length: r.int(0, 4) }, () => randomCondition(r, depth - 1, named, parameterNames));
    return withPriority(r, kind === 'all' ? { all: children } : { any: children });
  }
  if (depth > 0 && roll < 0.32) return withPriority(r, { not: randomCondition(r, depth - 1, named, parameterNames) });
  if (named.length > 0 && roll < 0.38) return withPriority(r, { condition: r.pick(named) });
  const operator = r.pick(OPERATOR_NAMES);
  return withPriority(r, {
    fact: r.pick(FACT_NAMES),
    operator,
    value: randomValue(r, operator, parameterNames) as never,
  });
}

function randomRoot(r: Random, named: string[], parameterNames: string[]): TopLevelCondition {
  const roll = r.next();
  const children = () => Array.from({ length: r.int(0, 5) }, () => randomCondition(r, 2, named, parameterNames));
  if (roll < 0.45) return { all: children() };
  if (roll < 0.85) return { any: children() };
  if (roll < 0.93 || named.length === 0) return { not: randomCondition(r, 2, named, parameterNames) };
  return { condition: r.pick(named) };
}

export function randomRuleSet(r: Random): RuleSet {
  const parameters: NonNullable<RuleSet['parameters']> = {};
  const parameterNames: string[] = [];
  for (let i = 0; i < r.int(0, 2); i++) {
    const name = `p${i}`;
    parameterNames.push(name);
    parameters[name] = { type: 'number', value: r.pick([4, 10, 51537, 18]), label: { nl: name, en: name } };
  }
  const namedConditions: Record<string, TopLevelCondition> = {};
  const named: string[] = [];
  for (let i = 0; i < r.int(0, 2); i++) {
    // Only earlier names may be referenced, so there are no cycles (those are a validation error).
    namedConditions[`c${i}`] = randomRoot(r, [...named], parameterNames);
    named.push(`c${i}`);
  }
  const rules = Array.from({ length: r.int(1, 5) }, (_, i) => {
    const priority = r.pick(PRIORITIES);
    return {
      name: `rule${i}`,
      title: `Rule ${i}`,
      description: '',
      legalBasis: 'art. 1',
      ...(priority === undefined ? {} : { priority }),
      conditions: randomRoot(r, named, parameterNames),
      event: r.chance(0.2)
        ? { type: `e${i}` }
        : { type: r.pick(['priority', 'other']), params: { rule: i, nested: { rank: r.int(1, 3) } } },
    };
  });
  return {
    id: 'random',
    tenant: 'test',
    kind: 'housing-priority',
    version: 1,
    status: 'draft',
    effectiveFrom: '2026-01-01',
    title: 'random',
    parameters,
    namedConditions,
    rules,
  };
}

export function randomFacts(r: Random): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of FACT_NAMES) {
    if (name === 'weeksSinceKoppeling' || name === 'age') continue; // derived, always computed
    if (r.chance(0.75))
      facts[name] =
        name === 'koppelingDate' ? r.pick(DATES) : r.chance(0.1) ? [randomScalar(r), randomScalar(r)] : randomScalar(r);
  }
  if (r.chance(0.5)) facts.dateOfBirth = r.pick(['2000-05-05', '2008-02-01', '1950-01-01']);
  return facts;
}
