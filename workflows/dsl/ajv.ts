import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';

/** One ajv instance for definitions and payloads; pure JS, so the workflow sandbox may use it too. */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/**
 * Dates in case data and event payloads lie within 1900–2100: a year 9999 made deadline
 * arithmetic fail a workflow task, a year 0 produced deadlines in 1900. Refused at the edge
 * with the field's path instead (400 INVALID_CASE_DATA, 422 INVALID_PAYLOAD).
 */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;
const inYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};
const fullDate = fullFormats.date as {
  validate: (s: string) => boolean;
  compare: (a: string, b: string) => number | undefined;
};
const fullDateTime = fullFormats['date-time'] as {
  validate: (s: string) => boolean;
  compare: (a: string, b: string) => number | undefined;
};
ajv.addFormat('date', {
  type: 'string',
  validate: (s: string) => fullDate.validate(s) && inYears(s),
  compare: fullDate.compare,
});
ajv.addFormat('date-time', {
  type: 'string',
  validate: (s: string) => fullDateTime.validate(s) && inYears(s),
  compare: fullDateTime.compare,
});

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
    const missing =
      e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    const extra =
      e.keyword === 'additionalProperties'
        ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}`
        : '';
    const date =
      e.keyword === 'format' && ['date', 'date-time'].includes(String((e.params as { format: string }).format));
    const message = date
      ? `moet een geldige datum tussen ${DATE_YEARS.min} en ${DATE_YEARS.max} zijn (must be a valid ${String((e.params as { format: string }).format)} within ${DATE_YEARS.min}–${DATE_YEARS.max})`
      : (e.message ?? 'is invalid');
    return { path: `${prefix}${e.instancePath}${missing}${extra}`, message };
  });
}
