/**
 * Worst inputs for every operation of the OpenAPI document (issue 17, item 3): generated from the
 * document itself, so a new route is covered the day it is documented. Bodies are raw JSON text,
 * so that `__proto__` keys, 1e999 and lone surrogates reach the server as an attacker sends them.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  default?: unknown;
  examples?: unknown[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: JsonSchema;
}

export interface DocOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  /** public: nobody signs in; any: API key or session; session: a person. */
  access: 'public' | 'any' | 'session';
  parameters: Parameter[];
  body?: JsonSchema;
}

export interface WorstCase {
  name: string;
  /** Path below /api/v1 with every parameter filled in. */
  path: string;
  query?: string;
  headers?: Record<string, string>;
  /** Raw JSON text (or deliberately not JSON). */
  body?: string;
  /**
   * The value might be acceptable (free text in a free-form object): the answer may be 2xx, but
   * never 5xx and never slow. Everything else must be refused with a coded 4xx.
   */
  mayBeAccepted?: boolean;
}

/** The server's JSON body limit is 256 kB: bodies stay just under it, so the work is the server's, not the parser's refusal. */
export const NEAR_BODY_LIMIT = 250_000;

const DEPTH = 20_000;
/** `[[[…]]]` and `{"a":{"a":…}}` 20,000 levels deep: a recursive validator or walker overflows its stack. */
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);
/** Unicode that breaks naive code: lone surrogates, NUL, bidi override, zero-width joiners, combining marks, astral letters. */
const junk = '\\ud800\\udfff\\u0000\\u202e\\u200d\\ufeff' + 'e\u0301\u0302\u0303'.repeat(200) + '𝕏😀ﷺ';

const fill = (n: number, item: (i: number) => string): string => {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < NEAR_BODY_LIMIT - 2_000; i++) {
    const text = item(i);
    parts.push(text);
    size += text.length + 1;
    if (parts.length >= n) break;
  }
  return `[${parts.join(',')}]`;
};

const typesOf = (s: JsonSchema): string[] => {
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.flatMap(typesOf);
  if (s.enum) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if (s.const !== undefined) return [typeof s.const];
  return [];
};

/** A small value the schema accepts, or close to it: the skeleton around one hostile value. */
export function sample(s: JsonSchema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.examples?.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return sample(alternatives[0]!, depth);
  switch (typesOf(s)[0]) {
    case 'string':
      if (s.format === 'date') return '2026-06-01';
      if (s.format === 'date-time') return '2026-06-01T09:00:00Z';
      if (s.format === 'uri') return 'https://example.org/hook';
      if (s.format === 'email') return 'toezicht@example.org';
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return s.items && (s.minItems ?? 0) > 0 && depth < 4 ? [sample(s.items, depth + 1)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 4)
        for (const key of s.required ?? []) if (s.properties?.[key]) out[key] = sample(s.properties[key], depth + 1);
      return out;
    }
    default:
      return null;
  }
}

/** Is the value at this place free-form (an object or value the schema does not describe)? */
const isOpen = (s: JsonSchema): boolean =>
  typesOf(s).length === 0 || (typesOf(s).includes('object') && !s.properties && s.additionalProperties !== false);

/** JSON text of `skeleton` with the value at `path` replaced by raw JSON text. */
function withRaw(skeleton: unknown, path: string[], raw: string): string {
  const marker = 'WORST-INPUT-MARKER-7f3a';
  const clone = structuredClone(skeleton) as Record<string, unknown>;
  if (path.length === 0) return raw;
  let node: Record<string, unknown> = clone;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = marker;
  return JSON.stringify(clone).replace(`"${marker}"`, () => raw);
}

interface Place {
  path: string[];
  schema: JsonSchema;
}

/** Every described place in a body schema, three levels deep. */
function places(s: JsonSchema, path: string[] = [], out: Place[] = []): Place[] {
  out.push({ path, schema: s });
  if (path.length >= 3) return out;
  for (const [key, child] of Object.entries(s.properties ?? {})) places(child, [...path, key], out);
  if (s.items && typesOf(s).includes('array')) places(s.items, [...path, '0'], out);
  return out;
}

/** Hostile raw JSON values for a place, each with whether a careful server could still accept it there. */
function hostileValues(p: Place): Array<{ name: string; raw: string; mayBeAccepted?: boolean }> {
  const s = p.schema;
  const types = typesOf(s);
  const open = isOpen(s);
  const out: Array<{ name: string; raw: string; mayBeAccepted?: boolean }> = [
    { name: '1e999', raw: '1e999', mayBeAccepted: open },
    { name: '-1e999', raw: '-1e999', mayBeAccepted: open },
  ];
  // Deep nesting where a walker might follow it: top-level fields and free-form values.
  if (p.path.length <= 1 || open)
    out.push(
      { name: 'nested 20,000 arrays deep', raw: deepArray },
      { name: 'nested 20,000 objects deep', raw: deepObject },
    );
  // Wrong types: a value of every JSON type the schema does not allow.
  const wrong: Record<string, string> = {
    string: '"x"',
    number: '-1.5e308',
    integer: '9007199254740993',
    boolean: 'true',
    null: 'null',
    array: '[1,"a",null]',
    object: '{"x":1}',
  };
  if (!open)
    for (const [type, raw] of Object.entries(wrong))
      if (!types.includes(type) && !(type === 'integer' && types.includes('number')))
        out.push({ name: `wrong type ${type}`, raw });
  // Near the body limit, where the schema has room for it (elsewhere the wrong-type cases cover it):
  // one long string, arrays of distinct items (uniqueness checks), many properties.
  const stringy = open || types.includes('string');
  if (stringy) {
    const long = NEAR_BODY_LIMIT - 5_000;
    out.push({
      name: 'a string near the body limit',
      raw: JSON.stringify('x'.repeat(long)),
      // Only a schema that says so may take it (the codec's base64 data); a missing maxLength is a finding.
      mayBeAccepted: open || (s.maxLength ?? 0) >= long,
    });
    out.push({ name: 'unicode junk', raw: `"${junk}"`, mayBeAccepted: true });
  }
  if (open || types.includes('array')) {
    out.push({ name: 'distinct strings near the body limit', raw: fill(1e6, (i) => `"v${i}"`) });
  }
  if (s.items) {
    const item = sample(s.items);
    out.push({
      name: 'distinct items of the right shape near the body limit',
      raw: fill(1e6, (i) => JSON.stringify(withVariation(item, i))),
    });
  }
  if (open || (types.includes('object') && s.additionalProperties !== false))
    out.push({
      name: '14,000 properties near the body limit',
      raw: `{${Array.from({ length: 14_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
      // Only objects that allow unknown properties get this case: they may take them; the cost is what counts.
      mayBeAccepted: true,
    });
  out.push({
    name: '__proto__ and constructor keys',
    raw: withProto(sample(s)),
    mayBeAccepted: open || !(s.additionalProperties === false),
  });
  if (s.format === 'date' || s.format === 'date-time') {
    const t = s.format === 'date-time' ? 'T00:00:00Z' : '';
    for (const d of ['9999-12-31', '0000-01-01', '2026-02-30', '+275760-09-13', '-000001-01-01'])
      out.push({ name: `date ${d}`, raw: JSON.stringify(`${d}${t}`) });
  }
  return out;
}

function withVariation(item: unknown, i: number): unknown {
  if (typeof item === 'string') return `${item}${i}`;
  if (typeof item === 'number') return item + i;
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const entries = Object.entries(item);
    const at = entries.findIndex(([, v]) => typeof v === 'string');
    return at >= 0 ? { ...item, [entries[at]![0]]: `${entries[at]![1] as string}${i}` } : { ...item, v: i };
  }
  return i;
}

function withProto(value: unknown): string {
  const extra = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const text = JSON.stringify(value);
    return text === '{}' ? `{${extra}}` : `{${extra},${text.slice(1)}`;
  }
  return `{${extra}}`;
}

/** Hostile path parameter and query values (text). URLs stay under Node's 16 kB header limit, past which Node answers 431 itself. */
const HOSTILE_TEXT: Array<{ name: string; value: string; mayBeAccepted?: boolean }> = [
  { name: 'long', value: 'a'.repeat(6_000) },
  { name: '1e999', value: '1e999' },
  { name: 'negative', value: '-1' },
  { name: '__proto__', value: '__proto__' },
  { name: 'constructor', value: 'constructor' },
  { name: 'traversal', value: '../../etc/passwd' },
  { name: 'NUL and bidi', value: '\u0000\u202e\ufeff' },
  { name: 'unicode junk', value: 'e\u0301\u0302'.repeat(300) + '𝕏' },
  { name: 'date 9999-12-31', value: '9999-12-31T23:59:59Z' },
  { name: 'date 0000-01-01', value: '0000-01-01' },
];

/** Lone surrogates cannot be percent-encoded by encodeURIComponent: send the bytes a browser never would. */
const encode = (v: string) => encodeURIComponent(v);
const RAW_BAD_UTF8 = '%ED%A0%80%C0%AF%FF';

/** Values a route can get past its parameter checks with, so a body reaches its validators. */
export function fillPath(op: DocOperation, samples: Record<string, string>, hostile?: { name: string; raw: string }) {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (hostile?.name === name) return hostile.raw;
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encode(samples[name] ?? String(param ? sample(param.schema) : 'x'));
  });
}

export function worstCases(op: DocOperation, samples: Record<string, string>): WorstCase[] {
  const cases: WorstCase[] = [];
  const basePath = fillPath(op, samples);
  const bodyBase = op.body ? sample(op.body) : undefined;
  const baseBody = op.body ? JSON.stringify(bodyBase) : undefined;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    for (const h of HOSTILE_TEXT)
      cases.push({
        name: `path ${p.name}: ${h.name}`,
        path: fillPath(op, samples, { name: p.name, raw: encode(h.value) }),
        body: baseBody,
      });
    cases.push({ name: `path ${p.name}: bad UTF-8`, path: fillPath(op, samples, { name: p.name, raw: RAW_BAD_UTF8 }) });
  }
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    for (const h of HOSTILE_TEXT)
      cases.push({
        name: `query ${p.name}: ${h.name}`,
        path: basePath,
        query: `${encode(p.name)}=${encode(h.value)}`,
        // A free-text filter may match nothing and answer 200; never 5xx, never slow.
        mayBeAccepted: true,
      });
    cases.push({
      name: `query ${p.name}: repeated 500 times`,
      path: basePath,
      query: Array.from({ length: 500 }, (_, i) => `${encode(p.name)}=${i}`).join('&'),
    });
  }
  if (op.parameters.some((x) => x.in === 'query'))
    cases.push({
      name: 'query: __proto__ and 1,000 unknown parameters',
      path: basePath,
      query: ['__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes']
        .concat(Array.from({ length: 1_000 }, (_, i) => `u${i}=${i}`))
        .join('&'),
      mayBeAccepted: true,
    });
  for (const p of op.parameters.filter((x) => x.in === 'header'))
    cases.push({
      name: `header ${p.name}: long junk`,
      path: basePath,
      headers: { [p.name]: 'é'.repeat(4_000) },
      body: baseBody,
    });
  if (!op.body) return cases;
  for (const raw of ['[]', '"x"', '1e999', 'null', 'true', '{', '{"a":1,}', deepArray, deepObject])
    cases.push({ name: `body ${raw.slice(0, 12)}`, path: basePath, body: raw });
  for (const place of places(op.body))
    for (const v of hostileValues(place))
      cases.push({
        name: `body /${place.path.join('/')}: ${v.name}`,
        path: basePath,
        body: withRaw(bodyBase, place.path, v.raw),
        mayBeAccepted: v.mayBeAccepted,
      });
  return cases;
}

/** The operations of an OpenAPI document, in the shape the cases need. */
export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}): DocOperation[] {
  const ops: DocOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, o] of Object.entries(methods)) {
      const security = JSON.stringify(o.security ?? []);
      ops.push({
        method: method as DocOperation['method'],
        path,
        operationId: o.operationId ?? `${method} ${path}`,
        access: security === '[]' ? 'public' : security.includes('apiKey') ? 'any' : 'session',
        parameters: o.parameters ?? [],
        body: o.requestBody?.content?.['application/json']?.schema,
      });
    }
  return ops;
}
