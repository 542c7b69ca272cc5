import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema, Static } from '@sinclair/typebox';
import { ApiError } from './errors';
import { toIssues } from '../workflows/dsl/ajv';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true, coerceTypes: false }));
const queryAjv = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true, coerceTypes: true }));
// Query strings are text: their validator coerces "10" to 10; bodies are JSON and are not coerced.
const caches = { body: new WeakMap<object, ValidateFunction>(), query: new WeakMap<object, ValidateFunction>() };

function compiled(schema: TSchema, kind: 'body' | 'query'): ValidateFunction {
  let fn = caches[kind].get(schema);
  if (!fn) {
    fn = (kind === 'query' ? queryAjv : ajv).compile(schema);
    caches[kind].set(schema, fn);
  }
  return fn;
}

/** Checks `value` against `schema`; a failure is a 400 naming the first failing path below `where`. */
export function validateInput<S extends TSchema>(schema: S, value: unknown, where: '/body' | '/query', code = 'INVALID_REQUEST'): Static<S> {
  const fn = compiled(schema, where === '/query' ? 'query' : 'body');
  if (value === undefined || !fn(value)) {
    const issues = value === undefined ? [{ path: where, message: 'is required (send JSON with Content-Type: application/json)' }] : toIssues(fn.errors, where);
    const first = issues[0] ?? { path: where, message: 'is invalid' };
    throw new ApiError(400, code, `${first.path}: ${first.message}`, first.path, issues.length > 1 ? { issues } : undefined);
  }
  return value as Static<S>;
}
