import { HALF_YEAR_PATTERN, TENANT_ID_PATTERN } from '../../contract/id-patterns';
import { ApiError } from '../../platform/errors';

const TENANT_ID = new RegExp(TENANT_ID_PATTERN);
const HALF_YEAR = new RegExp(HALF_YEAR_PATTERN);

export interface TargetLine {
  municipality: string;
  halfYear: string;
  target: number;
  backlog: number | null;
  surplus: number | null;
}

/** Column names, Dutch first, as a spreadsheet exported by a municipality would have them. */
const COLUMNS: Record<string, keyof TargetLine> = {
  gemeente: 'municipality',
  municipality: 'municipality',
  gemeentecode: 'municipality',
  halfjaar: 'halfYear',
  halfyear: 'halfYear',
  periode: 'halfYear',
  taakstelling: 'target',
  target: 'target',
  opgave: 'target',
  achterstand: 'backlog',
  backlog: 'backlog',
  voorsprong: 'surplus',
  overschot: 'surplus',
  surplus: 'surplus',
};

const fail = (line: number, message: string) =>
  new ApiError(400, 'VALIDATION_FAILED', `/body/csv line ${line}: ${message}`, '/body/csv', { line });

function integer(value: string, line: number, column: string, optional: boolean): number | null {
  const v = value.trim();
  if (v === '' && optional) return null;
  if (!/^[0-9]{1,6}$/.test(v)) throw fail(line, `${column} must be a whole number ≥ 0, not "${v}"`);
  return Number(v);
}

/**
 * Parses a CSV of targets: a header line naming the columns (gemeente;halfjaar;taakstelling;
 * achterstand;voorsprong — or their English names), `;` or `,` as separator, no quoting needed.
 */
export function parseTargetsCsv(csv: string): TargetLine[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const headerAt = lines.findIndex((l) => l !== '');
  if (headerAt < 0) throw fail(1, 'the CSV is empty');
  const header = lines[headerAt] as string;
  const sep = header.includes(';') ? ';' : ',';
  const fields = header.split(sep).map((h) => COLUMNS[h.trim().toLowerCase().replace(/^"|"$/g, '')]);
  for (const need of ['municipality', 'halfYear', 'target'] as const) {
    if (!fields.includes(need))
      throw fail(headerAt + 1, `the header needs a column for ${need} (gemeente, halfjaar, taakstelling)`);
  }
  const out: TargetLine[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    if (i <= headerAt || raw === '') return;
    const cells = raw.split(sep).map((c) => c.trim().replace(/^"|"$/g, ''));
    const get = (f: keyof TargetLine) => cells[fields.indexOf(f)] ?? '';
    const municipality = get('municipality').toUpperCase();
    if (!TENANT_ID.test(municipality))
      throw fail(i + 1, `gemeente must be a CBS code such as GM0363, not "${municipality}"`);
    const halfYear = get('halfYear').toUpperCase();
    if (!HALF_YEAR.test(halfYear)) throw fail(i + 1, `halfjaar must look like 2026-H1, not "${halfYear}"`);
    if (seen.has(`${municipality}|${halfYear}`)) throw fail(i + 1, `${municipality} ${halfYear} appears twice`);
    seen.add(`${municipality}|${halfYear}`);
    out.push({
      municipality,
      halfYear,
      target: integer(get('target'), i + 1, 'taakstelling', false) as number,
      backlog: fields.includes('backlog') ? integer(get('backlog'), i + 1, 'achterstand', true) : null,
      surplus: fields.includes('surplus') ? integer(get('surplus'), i + 1, 'voorsprong', true) : null,
    });
  });
  if (out.length === 0) throw fail(headerAt + 2, 'no lines after the header');
  if (out.length > 2000) throw fail(2001, 'at most 2000 lines per import');
  return out;
}
