import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { ApiError } from '../../../platform/errors';
import { check } from '../../../server/routes/validate';

/**
 * Issue 17: a date in a query string lies within 1900–2100 like a date in a body, refused with
 * 400 VALIDATION_FAILED at its parameter. Every `…Query` schema of the contract is searched for
 * date and date-time parameters, so a new date filter is covered without touching this file.
 */
interface Schema {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
}

const CONTRACT = join(__dirname, '../../../contract');

const formatsOf = (s: Schema): string[] => [...(s.format ? [s.format] : []), ...(s.anyOf ?? []).flatMap(formatsOf)];

function dateParameters(): Array<{ schemaName: string; schema: TSchema; param: string; formats: string[] }> {
  const out: Array<{ schemaName: string; schema: TSchema; param: string; formats: string[] }> = [];
  for (const file of readdirSync(CONTRACT).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every contract module, by file name
    const module = require(join(CONTRACT, file)) as Record<string, unknown>;
    for (const [schemaName, value] of Object.entries(module)) {
      if (!schemaName.endsWith('Query') || !value || typeof value !== 'object') continue;
      for (const [param, prop] of Object.entries((value as Schema).properties ?? {})) {
        const formats = formatsOf(prop).filter((f) => f === 'date' || f === 'date-time');
        if (formats.length > 0)
          out.push({ schemaName: `${file}:${schemaName}`, schema: value as TSchema, param, formats });
      }
    }
  }
  return out;
}

const refusal = (schema: TSchema, query: Record<string, string>) => {
  try {
    check(schema, 'query', query);
  } catch (err) {
    return err as ApiError;
  }
  return undefined;
};

const PARAMS = dateParameters();

describe('date query parameters are bounded to 1900–2100', () => {
  it('finds the date filters of the contract (cases, audit, effective version)', () => {
    const found = PARAMS.map((p) => `${p.schemaName}.${p.param}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'cases.ts:ListCasesQuery.deadlineBefore',
        'cases.ts:ListCasesQuery.deadlineAfter',
        'audit.ts:AuditQuery.from',
        'audit.ts:AuditQuery.to',
        'artifacts.ts:EffectiveQuery.at',
      ]),
    );
  });

  it.each(PARAMS.map((p) => [`${p.schemaName}.${p.param}`, p] as const))('%s', (_label, p) => {
    const within = p.formats.includes('date-time') ? '2026-06-01T09:00:00Z' : '2026-06-01';
    expect(refusal(p.schema, { [p.param]: within })).toBeUndefined();
    const edges = p.formats.includes('date-time')
      ? ['1900-01-01T00:00:00Z', '2100-12-31T23:59:59Z']
      : ['1900-01-01', '2100-12-31'];
    for (const edge of edges) expect(refusal(p.schema, { [p.param]: edge })).toBeUndefined();
    const outside = p.formats.flatMap((f) =>
      f === 'date'
        ? ['9999-12-31', '0000-01-01', '1899-12-31', '2101-01-01']
        : ['9999-12-31T00:00:00Z', '0000-01-01T00:00:00Z'],
    );
    for (const value of outside) {
      const err = refusal(p.schema, { [p.param]: value });
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', path: `/query/${p.param}` });
    }
  });
});
