import { coerceFactValue, type FactCatalog } from '../../../../rules';
import { parseCsv } from '../../../../rules/cli/csv';
import type { SimCase } from './generate-applicants';

const ID_KEYS = ['id', 'caseRef', 'zaak'];

/** Cases from an uploaded file, in the CLI's formats: a JSON array (facts or { id, facts, peildatum }) or CSV with a header row. */
export function readCaseFile(name: string, text: string, catalog: FactCatalog): SimCase[] {
  if (/\.json$/i.test(name) || text.trimStart().startsWith('[')) {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) throw new Error('JSON must be an array of cases');
    return list.map((o: Record<string, unknown>, i) => {
      if (o.facts && typeof o.facts === 'object')
        return {
          id: typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : String(i + 1),
          facts: o.facts as Record<string, unknown>,
          ...(typeof o.peildatum === 'string' ? { peildatum: o.peildatum } : {}),
        };
      const facts: Record<string, unknown> = {};
      let id = String(i + 1);
      let peildatum: string | undefined;
      for (const [k, v] of Object.entries(o)) {
        if (ID_KEYS.includes(k)) id = String(v);
        else if (k === 'peildatum' && typeof v === 'string') peildatum = v;
        else facts[k] = v;
      }
      return { id, facts, ...(peildatum ? { peildatum } : {}) };
    });
  }
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((row, i) => {
      const facts: Record<string, unknown> = {};
      let id = String(i + 1);
      let peildatum: string | undefined;
      header.forEach((col, j) => {
        const cell = row[j] ?? '';
        if (ID_KEYS.includes(col)) id = cell;
        else if (col === 'peildatum') peildatum = cell || undefined;
        else {
          const v = coerceFactValue(catalog.facts[col], cell);
          if (v !== undefined) facts[col] = v;
        }
      });
      return { id, facts, ...(peildatum ? { peildatum } : {}) };
    });
}
