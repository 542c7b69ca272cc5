import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import type { Static, TSchema } from '@sinclair/typebox';
import { ApiError } from '../../platform/errors';
import { DATE_YEARS } from '../../workflows/dsl/ajv';

/** Bodies are JSON: no coercion, a string is never a number. */
const bodyAjv = addFormats(new Ajv({ allErrors: true, strict: false }));
/**
 * The same, stopping at the first error. ajv with allErrors goes on past a failed maxItems into
 * every item and uniqueItems (quadratic for enum items: 20,000 roles took 3 s of CPU), so a body
 * is judged by this one first; all errors are collected only when that cannot be costly.
 */
const firstErrorAjv = addFormats(new Ajv({ allErrors: false, strict: false }));
/** Query strings and path parameters are text by nature: numbers and booleans are coerced. */
const textAjv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true }));

/**
 * Dates lie within 1900–2100, as in case data (workflows/dsl/ajv.ts): a notification dated
 * 9999-12-31 or 0000-01-01 was accepted and stored. Query filters and path parameters are bounded
 * too (issue 17): a filter outside the window is a caller's mistake, answered 400 at its parameter,
 * not handed on to Temporal's visibility query or the store.
 */
function boundDates(instance: Ajv): Ajv {
  const inYears = (s: string) => {
    const year = Number(s.slice(0, 4));
    return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
  };
  for (const name of ['date', 'date-time'] as const) {
    const full = fullFormats[name] as { validate: (s: string) => boolean; compare: (a: string, b: string) => number };
    instance.addFormat(name, {
      type: 'string',
      validate: (s) => full.validate(s) && inYears(s),
      compare: full.compare,
    });
  }
  return instance;
}
boundDates(bodyAjv);
boundDates(firstErrorAjv);
boundDates(textAjv);

// One cache per validator: a schema compiled for a body must not be reused for a query string.
const compiled = {
  body: new WeakMap<TSchema, ValidateFunction>(),
  first: new WeakMap<TSchema, ValidateFunction>(),
  text: new WeakMap<TSchema, ValidateFunction>(),
};

export type RequestPart = 'body' | 'query' | 'params';

/**
 * JSON nesting a body may have (issue 17: depth checked before the expensive checks). Far above
 * any real document — a rule set's 128 condition levels (rules/jre/parse-condition.ts) take two
 * JSON levels each — and far below what overflows a recursive walker (a 20,000-deep body did,
 * in the idempotency hash, with a 500).
 */
export const MAX_BODY_DEPTH = 300;

/** Σ n² over a body's arrays above which all errors are not collected (about 10 ms of uniqueness checks). */
const MAX_ALL_ERRORS_WORK = 1_000_000;

/**
 * Properties one object of a body may have. Far above any real document (a rule set's lookup
 * table holds at most 500 entries, case data 500 fields) and far below what makes the schema
 * checks and their error list expensive (14,000 unknown properties cost ~110 ms of CPU).
 */
export const MAX_OBJECT_PROPERTIES = 2_000;

type Shape = { tooDeep: boolean; arrayWork: number; tooWide?: string };
type Frame = { node: unknown; depth: number; parent: Frame | null; key: string };

/** The RFC 6901 pointer of a frame, built only for the one that failed. */
function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent)
    keys.push(f.key.replace(/~/g, '~0').replace(/\//g, '~1'));
  return ['/body', ...keys.reverse()].join('/');
}

/**
 * Nesting depth (stopping past `maxDepth`), Σ n² over arrays and the widest object (stopping
 * past MAX_OBJECT_PROPERTIES); iterative, linear in the body's size.
 */
function measure(value: unknown, maxDepth: number): Shape {
  const stack: Frame[] = [{ node: value, depth: 0, parent: null, key: '' }];
  let arrayWork = 0;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, depth } = frame;
    if (!node || typeof node !== 'object') continue;
    if (depth >= maxDepth) return { tooDeep: true, arrayWork };
    if (Array.isArray(node)) {
      arrayWork += node.length * node.length;
      node.forEach((child: unknown, i) => {
        if (child && typeof child === 'object')
          stack.push({ node: child, depth: depth + 1, parent: frame, key: String(i) });
      });
      continue;
    }
    const keys = Object.keys(node);
    if (keys.length > MAX_OBJECT_PROPERTIES) return { tooDeep: false, arrayWork, tooWide: pointerOf(frame) };
    for (const key of keys) {
      const child = (node as Record<string, unknown>)[key];
      if (child && typeof child === 'object') stack.push({ node: child, depth: depth + 1, parent: frame, key });
    }
  }
  return { tooDeep: false, arrayWork };
}

function compile(schema: TSchema, part: RequestPart | 'first'): ValidateFunction {
  const kind = part === 'body' || part === 'first' ? part : 'text';
  const cache = compiled[kind];
  let fn = cache.get(schema);
  if (!fn) {
    fn = { body: bodyAjv, first: firstErrorAjv, text: textAjv }[kind].compile(schema);
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
 * Errors listed in a refusal's `details.errors`; past it `details.more` says how many were left
 * out. A query string of 1,000 unknown parameters was answered with 57 kB of errors, costing the
 * server (and every client reading it) more than the request itself.
 */
export const MAX_LISTED_ERRORS = 50;

/**
 * Checks a part of the request against its schema and returns it typed. The first error
 * gives code, path and message; the first MAX_LISTED_ERRORS of them are in `details.errors`.
 */
export function check<T extends TSchema>(schema: T, part: RequestPart, value: unknown): Static<T> {
  let fn: ValidateFunction;
  if (part === 'body') {
    const shape = measure(value, MAX_BODY_DEPTH);
    if (shape.tooDeep)
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `/body: dieper genest dan ${MAX_BODY_DEPTH} niveaus (nested deeper than ${MAX_BODY_DEPTH} levels)`,
        '/body',
      );
    if (shape.tooWide !== undefined)
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        `${shape.tooWide}: meer dan ${MAX_OBJECT_PROPERTIES} eigenschappen (more than ${MAX_OBJECT_PROPERTIES} properties)`,
        shape.tooWide,
      );
    fn = compile(schema, 'first');
    if (fn(value)) return value;
    if (shape.arrayWork <= MAX_ALL_ERRORS_WORK) {
      fn = compile(schema, 'body');
      fn(value);
    }
  } else {
    fn = compile(schema, part);
    const copy = { ...(value as object) };
    if (fn(copy)) return copy;
  }
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
    errors: errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ path: pointer(part, e), message: describe(e) })),
    ...(errors.length > MAX_LISTED_ERRORS ? { more: errors.length - MAX_LISTED_ERRORS } : {}),
  });
}
