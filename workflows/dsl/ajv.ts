import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One ajv instance for definitions and payloads; pure JS, so the workflow sandbox may use it too. */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

const compiled = new Map<string, ValidateFunction>();

/** Compiles a JSON Schema once per distinct content (compilation is deterministic, so caching is safe in workflows). */
export function compileSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

export interface SchemaIssue {
  path: string;
  message: string;
}

/** ajv errors as JSON pointers below `prefix`, with ajv's message. */
export function toIssues(errors: ErrorObject[] | null | undefined, prefix = ''): SchemaIssue[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
    return { path: `${prefix}${e.instancePath}${missing}${extra}`, message: e.message ?? 'is invalid' };
  });
}
