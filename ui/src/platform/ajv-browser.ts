import { validateSchema, validators } from 'virtual:ajv-precompiled';

/**
 * Stands in for ajv in the browser bundle (see ui/ajv-precompile.mjs): the same `new Ajv()` /
 * `compile()` surface, answered from validators compiled at build time, because the page's
 * Content Security Policy forbids the eval ajv compiles with.
 */
interface SchemaError {
  instancePath: string;
  message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** ajv's own wording ("data/type must be array, …"), so the browser reports what the server would. */
function errorsText(errors: SchemaError[] | null | undefined): string {
  return (errors ?? []).map((e) => `data${e.instancePath} ${e.message ?? 'is invalid'}`).join(', ');
}

const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples']);

/** What ajv finds when it compiles a schema the meta-schema accepts: a bad pattern, a $ref to nowhere. */
function checkCompilable(root: object): void {
  const resolves = (ref: string) =>
    ref === '#' ||
    (ref.startsWith('#/') &&
      ref
        .slice(2)
        .split('/')
        .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>(
          (at, p) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[p] : undefined),
          root,
        ) !== undefined);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (NOT_SCHEMAS.has(k)) continue;
      if (k === 'pattern' && typeof v === 'string') new RegExp(v, 'u');
      if (k === 'patternProperties' && v && typeof v === 'object')
        Object.keys(v as object).forEach((p) => new RegExp(p, 'u'));
      if (k === '$ref' && typeof v === 'string' && !resolves(v))
        throw new Error(`can't resolve reference ${v} from id #`);
      walk(v);
    }
  };
  walk(root);
}

/**
 * A schema only known at run time (an event's payload schema): checked as ajv would before it
 * compiles, so an invalid one throws here too; a valid one lets data through, because the server
 * validates every payload it receives.
 */
function runtimeSchema(schema: object): Validate {
  const meta = validateSchema as Validate;
  if (!meta(schema)) throw new Error(`schema is invalid: ${errorsText(meta.errors)}`);
  checkCompilable(schema);
  const fn: Validate = () => true;
  fn.errors = null;
  return fn;
}

export default class Ajv {
  constructor(readonly opts: Record<string, unknown> = {}) {}

  compile(schema: object): Validate {
    return (validators.get(JSON.stringify(schema)) as Validate | undefined) ?? runtimeSchema(schema);
  }

  addFormat(): this {
    return this;
  }

  addSchema(): this {
    return this;
  }
}
