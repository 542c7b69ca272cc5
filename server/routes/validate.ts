import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { ApiError } from '../../platform/errors';

/** Bodies are JSON: no coercion, a string is never a number. */
const bodyAjv = addFormats(new Ajv({ allErrors: true, strict: false }));
/** Query strings and path parameters are text by nature: numbers and booleans are coerced. */
const textAjv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true }));

// One cache per validator: a schema compiled for a body must not be reused for a query string.
const compiled = { body: new WeakMap<TSchema, ValidateFunction>(), text: new WeakMap<TSchema, ValidateFunction>() };

export type RequestPart = 'body' | 'query' | 'params';

function compile(schema: TSchema, part: RequestPart): ValidateFunction {
  const cache = part === 'body' ? compiled.body : compiled.text;
  let fn = cache.get(schema);
  if (!fn) {
    fn = (part === 'body' ? bodyAjv : textAjv).compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** RFC 6901 pointer of the failing value, e.g. `/body/admin/username`. */
function pointer(part: RequestPart, e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  const child = p.missingProperty ?? p.additionalProperty;
  const escaped = child !== undefined ? `/${child.replace(/~/g, '~0').replace(/\//g, '~1')}` : '';
  return `/${part}${e.instancePath}${escaped}`;
}

function describe(e: ErrorObject): string {
  const p = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (e.keyword === 'additionalProperties') return `unknown property ${p.additionalProperty ?? ''}`.trim();
  if (e.keyword === 'enum' && p.allowedValues)
    return `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? 'is invalid';
}

/**
 * Checks a part of the request against its schema and returns it typed. The first error
 * gives code, path and message; all of them are in `details`.
 */
export function check<T extends TSchema>(schema: T, part: RequestPart, value: unknown): Static<T> {
  const fn = compile(schema, part);
  const copy = part === 'body' ? value : { ...(value as object) };
  if (fn(copy)) return copy as Static<T>;
  const errors = fn.errors ?? [];
  const first = errors[0];
  const path = first ? pointer(part, first) : `/${part}`;
  const what =
    part === 'body' && value === undefined
      ? 'a JSON body (Content-Type: application/json) is required'
      : first
        ? describe(first)
        : 'is invalid';
  throw new ApiError(400, 'VALIDATION_FAILED', `${path}: ${what}`, path, {
    errors: errors.map((e) => ({ path: pointer(part, e), message: describe(e) })),
  });
}
