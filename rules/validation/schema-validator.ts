import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { RulesIssue } from '../rules-error';

let ajv: Ajv | undefined;

/** One shared ajv instance: compiling a schema is slow, validating with it is fast. */
export function schemaValidator<T>(schema: TSchema): ValidateFunction<T> {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv, ['date']);
  }
  return ajv.compile<T>(schema);
}

function describeType(params: ErrorObject['params']): { nl: string; en: string } {
  const names: Record<string, [string, string]> = {
    string: ['tekst', 'text'],
    number: ['een getal', 'a number'],
    integer: ['een geheel getal', 'a whole number'],
    boolean: ['ja/nee', 'yes/no'],
    array: ['een lijst', 'a list'],
    object: ['één object (geen lijst)', 'one object (not a list)'],
    null: ['leeg (null)', 'null'],
  };
  const t = String((params as { type?: unknown }).type);
  const [nl, en] = names[t] ?? [t, t];
  return { nl, en };
}

function toIssue(error: ErrorObject): RulesIssue {
  const at = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        code: 'missing-property',
        path: `${at}/${String(p.missingProperty)}`,
        message: {
          nl: `Verplicht veld '${String(p.missingProperty)}' ontbreekt.`,
          en: `Required property '${String(p.missingProperty)}' is missing.`,
        },
      };
    case 'additionalProperties':
      return {
        code: 'unknown-property',
        path: `${at}/${String(p.additionalProperty)}`,
        message: {
          nl: `Onbekend veld '${String(p.additionalProperty)}'.`,
          en: `Unknown property '${String(p.additionalProperty)}'.`,
        },
      };
    case 'type': {
      const t = describeType(error.params);
      return { code: 'invalid-type', path: at, message: { nl: `Moet ${t.nl} zijn.`, en: `Must be ${t.en}.` } };
    }
    case 'propertyNames': {
      const name = String((error as { params: { propertyName?: unknown } }).params.propertyName);
      return {
        code: 'invalid-name',
        path: `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: {
          nl: `Naam '${name.slice(0, 60)}' is niet toegestaan: begin met een letter, daarna letters, cijfers, - of _ (ten hoogste 100 tekens).`,
          en: `Name '${name.slice(0, 60)}' is not allowed: start with a letter, then letters, digits, - or _ (at most 100 characters).`,
        },
      };
    }
    case 'format':
      return {
        code: 'invalid-value',
        path: at,
        message: { nl: 'Moet een datum zijn (JJJJ-MM-DD).', en: 'Must be a date (YYYY-MM-DD).' },
      };
    case 'anyOf':
      return {
        code: 'invalid-value',
        path: at,
        message: { nl: 'Deze waarde is hier niet toegestaan.', en: 'This value is not allowed here.' },
      };
    default:
      return {
        code: 'invalid-value',
        path: at,
        message: {
          nl: `Ongeldige waarde (${error.keyword}: ${error.message ?? ''}).`,
          en: `Invalid value (${error.keyword}: ${error.message ?? ''}).`,
        },
      };
  }
}

function groupBy(errors: readonly ErrorObject[], key: (e: ErrorObject) => string): Map<string, ErrorObject[]> {
  const groups = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const group = groups.get(key(e));
    if (group) group.push(e);
    else groups.set(key(e), [e]);
  }
  return groups;
}

const within = (e: ErrorObject, a: ErrorObject) => e.schemaPath.startsWith(a.schemaPath + '/');

/** Literal unions become anyOf of const; one issue naming the allowed values beats one issue per value. */
function allowedConsts(atSamePath: readonly ErrorObject[], anyOf: ErrorObject): unknown[] | undefined {
  const branches = atSamePath.filter((e) => within(e, anyOf));
  if (branches.length === 0 || !branches.every((e) => e.keyword === 'const')) return undefined;
  return branches.map((e) => (e.params as { allowedValue?: unknown }).allowedValue);
}

/**
 * Whether an error belongs to a failed anyOf alternative at its own instance path or above it.
 * Looked up by path, walking up one segment at a time: comparing every error with every anyOf
 * would be quadratic in the number of errors.
 */
function insideAnyOf(e: ErrorObject, anyOfsByPath: ReadonlyMap<string, ErrorObject[]>): boolean {
  let path = e.instancePath;
  for (;;) {
    for (const a of anyOfsByPath.get(path) ?? []) if (a !== e && within(e, a)) return true;
    if (path === '') return false;
    path = path.slice(0, path.lastIndexOf('/'));
  }
}

/** ajv errors as issues: the if/then branches and anyOf alternatives collapse to what a designer must fix. */
export function schemaIssues(errors: ErrorObject[] | null | undefined): RulesIssue[] {
  if (!errors) return [];
  const anyOfsByPath = groupBy(
    errors.filter((e) => e.keyword === 'anyOf'),
    (e) => e.instancePath,
  );
  const byPath = groupBy(errors, (e) => e.instancePath);
  const issues: RulesIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || insideAnyOf(error, anyOfsByPath)) continue;
    // The pattern or length a property name failed: reported once, by its propertyNames error.
    if (error.keyword !== 'propertyNames' && (error as { propertyName?: string }).propertyName !== undefined) continue;
    let issue = toIssue(error);
    if (error.keyword === 'anyOf') {
      const allowed = allowedConsts(byPath.get(error.instancePath) ?? [], error);
      if (allowed) {
        const list = allowed.map((v) => `'${String(v)}'`).join(', ');
        issue = {
          code: 'invalid-value',
          path: error.instancePath,
          message: { nl: `Moet een van ${list} zijn.`, en: `Must be one of ${list}.` },
        };
      }
    }
    const key = `${issue.code}|${issue.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
