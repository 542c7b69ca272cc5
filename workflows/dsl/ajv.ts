import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { DATE_YEARS } from './schema-issues';

export { DATE_YEARS, toIssues, type SchemaIssue } from './schema-issues';

/** One ajv instance for definitions and payloads; pure JS, so the workflow sandbox may use it too. */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

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
