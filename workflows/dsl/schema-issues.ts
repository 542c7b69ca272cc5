import type { ErrorObject } from 'ajv';

/**
 * Dates in case data and event payloads lie within 1900–2100: a year 9999 made deadline
 * arithmetic fail a workflow task, a year 0 produced deadlines in 1900. Refused at the edge
 * with the field's path instead (400 INVALID_CASE_DATA, 422 INVALID_PAYLOAD).
 */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

export interface SchemaIssue {
  path: string;
  message: string;
}

/** ajv errors as JSON pointers below `prefix`, with ajv's message. No ajv import: workflow code reads errors without loading ajv. */
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
