import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../../server/openapi/build-document';

/**
 * Issue 17, bounded work: every request schema says its limits. An array without `maxItems`, a
 * string without `maxLength` (enums and constants are bounded by their values) or an open object
 * without `maxProperties` fails this test, wherever it sits in a request: the contract's request
 * schemas (`…Body`, `…Query`, `…Params`, `…Headers`) and every body, path, query and header
 * parameter of the OpenAPI document (generated from the contract, test/contract/responses.test.ts).
 * Responses are not walked: the server writes them.
 */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  maxItems?: number;
  maxProperties?: number;
  properties?: Record<string, Schema>;
  patternProperties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

/**
 * Places that are allowed to go without a limit, each with why. A place is `<where> <path>`; the
 * path's `*` stands for any text. An exception that no longer matches anything fails the test.
 */
const EXCEPTIONS: Array<{ place: RegExp; why: string }> = [
  {
    place: /^(POST|PUT) \/(rulesets|definitions)(\/\{key\}\/versions(\/\{version\})?)? body\/content$/,
    why:
      'A rule set or process definition: free-form here, validated by its own schema with its own limits ' +
      '(rules/: MAX_CONDITION_DEPTH and the rule-set schema; workflows/dsl/: the definition schema), after the ' +
      '256 kB body limit and the 300-level depth guard (server/routes/validate.ts).',
  },
  {
    place: /^contract\/artifacts\.ts:\w+Body\/content$/,
    why: 'The same content as above, named in the contract.',
  },
];

const violations = (s: Schema, path: string, resolve: (ref: string) => Schema, out: string[], seen: Set<Schema>) => {
  if (!s || typeof s !== 'object' || seen.has(s)) return;
  seen.add(s);
  if (s.$ref) return violations(resolve(s.$ref), path, resolve, out, seen);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  const bounded = s.enum !== undefined || s.const !== undefined;
  if (types.includes('string') && !bounded && s.maxLength === undefined) out.push(`${path}: string without maxLength`);
  if (types.includes('array') && s.maxItems === undefined) out.push(`${path}: array without maxItems`);
  const open = (s.additionalProperties !== undefined && s.additionalProperties !== false) || !!s.patternProperties;
  if (types.includes('object') && open && s.maxProperties === undefined)
    out.push(`${path}: open object without maxProperties`);
  for (const [k, v] of Object.entries(s.properties ?? {})) violations(v, `${path}/${k}`, resolve, out, seen);
  for (const v of Object.values(s.patternProperties ?? {})) violations(v, `${path}/*`, resolve, out, seen);
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    violations(s.additionalProperties, `${path}/*`, resolve, out, seen);
  for (const item of Array.isArray(s.items) ? s.items : s.items ? [s.items] : [])
    violations(item, `${path}/[]`, resolve, out, seen);
  for (const alternative of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
    violations(alternative, path, resolve, out, seen);
};

/** Responses whose names end like a request's: not walked. */
const RESPONSES = new Set(['contract/error-codes.ts:ErrorBody', 'contract/besluiten.ts:PdfBody']);

/** Request schemas exported by the contract modules, by naming convention. */
function contractRequestSchemas(): Array<[string, Schema]> {
  const dir = join(__dirname, '../../contract');
  const out: Array<[string, Schema]> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every contract module, by file name
    const module = require(join(dir, file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module))
      if (/(Body|Query|Params|Headers)$/.test(name) && value && typeof value === 'object')
        if (!RESPONSES.has(`contract/${file}:${name}`)) out.push([`contract/${file}:${name}`, value]);
  }
  return out;
}

interface Operation {
  parameters?: Array<{ in: string; name: string; schema: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

function documentRequestSchemas(): { schemas: Array<[string, Schema]>; resolve: (ref: string) => Schema } {
  const doc = buildOpenApiDocument('limits') as {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const resolve = (ref: string) => doc.components?.schemas?.[ref.split('/').pop()!] ?? {};
  const schemas: Array<[string, Schema]> = [];
  for (const [path, operations] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters ?? []) schemas.push([`${where} ${p.in}:${p.name}`, p.schema]);
      for (const media of Object.values(op.requestBody?.content ?? {}))
        if (media.schema) schemas.push([`${where} body`, media.schema]);
    }
  return { schemas, resolve };
}

function unlimited(): { found: string[]; excused: Set<RegExp> } {
  const { schemas, resolve } = documentRequestSchemas();
  const all: string[] = [];
  for (const [where, schema] of [...contractRequestSchemas(), ...schemas]) {
    const places: string[] = [];
    violations(schema, where, resolve, places, new Set());
    all.push(...places);
  }
  const excused = new Set<RegExp>();
  const found = all.filter((v) => {
    const place = v.slice(0, v.lastIndexOf(': '));
    const exception = EXCEPTIONS.find((e) => e.place.test(place));
    if (exception) excused.add(exception.place);
    return !exception;
  });
  return { found: [...new Set(found)].sort(), excused };
}

describe('request schemas bound their size', () => {
  const { found, excused } = unlimited();

  it('every array has maxItems, every string maxLength, every open object maxProperties', () => {
    expect(found).toEqual([]);
  });

  it('every listed exception still applies (and has a reason)', () => {
    for (const e of EXCEPTIONS) {
      expect(e.why.length).toBeGreaterThan(40);
      expect({ exception: String(e.place), applies: excused.has(e.place) }).toEqual({
        exception: String(e.place),
        applies: true,
      });
    }
  });

  it('fails on a schema without its limits (the walker sees what it should)', () => {
    const out: string[] = [];
    violations(
      {
        type: 'object',
        properties: {
          roles: { type: 'array', items: { type: 'string', enum: ['admin'] } },
          name: { type: 'string' },
          data: { type: 'object', additionalProperties: true },
          ok: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 5 } },
        },
        additionalProperties: false,
      },
      'sample',
      () => ({}),
      out,
      new Set(),
    );
    expect(out).toEqual([
      'sample/roles: array without maxItems',
      'sample/name: string without maxLength',
      'sample/data: open object without maxProperties',
    ]);
  });
});
