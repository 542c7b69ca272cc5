import { Type } from '@sinclair/typebox';

/**
 * Conditions are recursive and json-rules-engine tells their kinds apart by which key is present,
 * not by a discriminator. An if/then chain (rather than anyOf) makes ajv report the errors of the
 * one kind the designer meant, instead of the errors of every kind at once.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A condition value may name a rule-set parameter instead of repeating a number. */
export interface ParameterReference {
  param: string;
}

interface ConditionBase {
  /** Condition priority: within one all/any, higher priorities are evaluated first and may short-circuit the rest. */
  priority?: number;
  name?: string;
}

export interface FactCondition extends ConditionBase {
  fact: string;
  operator: string;
  value: JsonValue | ParameterReference;
}
export interface AllCondition extends ConditionBase {
  all: Condition[];
}
export interface AnyCondition extends ConditionBase {
  any: Condition[];
}
export interface NotCondition extends ConditionBase {
  not: Condition;
}
export interface ConditionReference {
  condition: string;
  priority?: number;
}

export type Condition = AllCondition | AnyCondition | NotCondition | ConditionReference | FactCondition;
/** json-rules-engine requires a group or a reference at the root of a rule or a named condition. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition | ConditionReference;

export const CONDITION_SCHEMA_ID = 'urn:doorstroom:rules:condition';

const self = { $ref: '#' };
const base = {
  priority: { type: 'number', minimum: 0, maximum: 1_000_000 },
  name: { type: 'string' },
};

function kind(key: string, body: object, withName = true): object {
  const properties: Record<string, object> = { [key]: body, priority: base.priority };
  if (withName) properties.name = base.name;
  return { type: 'object', required: [key], properties, additionalProperties: false };
}

const factCondition = {
  type: 'object',
  required: ['fact', 'operator', 'value'],
  properties: {
    fact: { type: 'string', minLength: 1 },
    operator: { type: 'string', minLength: 1 },
    value: {},
    ...base,
  },
  additionalProperties: false,
};

function chain(cases: Array<[string, object]>, otherwise: object): object {
  return cases.reduceRight<object>(
    (elseBranch, [key, then]) => ({ if: { required: [key] }, then, else: elseBranch }),
    otherwise,
  );
}

/** The JSON Schema of one condition, self-contained through its $id so it can be bundled anywhere. */
export const conditionJsonSchema = {
  $id: CONDITION_SCHEMA_ID,
  type: 'object',
  ...chain(
    [
      ['all', kind('all', { type: 'array', items: self })],
      ['any', kind('any', { type: 'array', items: self })],
      ['not', kind('not', self)],
      ['condition', kind('condition', { type: 'string', minLength: 1 }, false)],
    ],
    factCondition,
  ),
};

export const ConditionSchema = Type.Unsafe<Condition>({ $ref: CONDITION_SCHEMA_ID });
export const TopLevelConditionSchema = Type.Unsafe<TopLevelCondition>({ $ref: CONDITION_SCHEMA_ID });

export function isParameterReference(value: unknown): value is ParameterReference {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { param?: unknown }).param === 'string'
  );
}
