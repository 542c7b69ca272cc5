import { coerceFactValue } from '../facts/facts-schema';
import type { FactCatalog } from '../facts/fact-catalog';
import type { Language } from '../localized-text';
import type { RulesIssue } from '../rules-error';
import { CliError, EXIT, readText } from './cli-io';
import { parseCsv } from './csv';

export interface Case {
  /** A pseudonymous case reference, never a BSN or V-nummer. */
  id: string;
  facts: Record<string, unknown>;
  peildatum?: string;
  /** Where a person finds the case: the spreadsheet row in CSV (the header is row 1), the position in a JSON list (from 1). */
  row: number;
  /** Problems found while reading; such a case is reported, not evaluated. */
  issues?: RulesIssue[];
}

/**
 * Assigning facts['__proto__'] = value would set the facts' prototype instead of adding a fact;
 * defined as an own property it stays a (refused) fact that validateFacts reports with its row.
 */
function setFact(facts: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(facts, name, { value, enumerable: true, writable: true, configurable: true });
}

const ID_KEYS = ['id', 'caseRef', 'zaak'];

/** An id as text; String() of an object can throw, and an id is a reference, not a document. */
function idOf(value: unknown, fallback: number): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : String(fallback);
}

function fromObject(value: unknown, index: number): Case {
  const row = index + 1;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      id: String(row),
      facts: {},
      row,
      issues: [
        {
          code: 'invalid-case',
          path: '',
          message: { nl: 'Een geval moet een object zijn.', en: 'A case must be an object.' },
        },
      ],
    };
  }
  const o = value as Record<string, unknown>;
  if (typeof o.facts === 'object' && o.facts !== null && !Array.isArray(o.facts)) {
    return {
      id: idOf(o.id, row),
      facts: o.facts as Record<string, unknown>,
      row,
      ...(typeof o.peildatum === 'string' ? { peildatum: o.peildatum } : {}),
    };
  }
  const facts: Record<string, unknown> = {};
  let id = String(row);
  let peildatum: string | undefined;
  for (const [key, v] of Object.entries(o)) {
    if (ID_KEYS.includes(key)) id = idOf(v, row);
    else if (key === 'peildatum' && typeof v === 'string') peildatum = v;
    else setFact(facts, key, v);
  }
  return { id, facts, row, ...(peildatum ? { peildatum } : {}) };
}

function fromCsv(text: string, catalog: FactCatalog): Case[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((row, index) => {
    const c: Case = { id: String(index + 1), facts: {}, row: index + 2 };
    names.forEach((name, i) => {
      const raw = row[i] ?? '';
      if (ID_KEYS.includes(name)) c.id = raw.trim() || c.id;
      else if (name === 'peildatum') {
        if (raw.trim()) c.peildatum = raw.trim();
      } else {
        const value = coerceFactValue(
          Object.prototype.hasOwnProperty.call(catalog.facts, name) ? catalog.facts[name] : undefined,
          raw,
        );
        if (value !== undefined) setFact(c.facts, name, value);
      }
    });
    return c;
  });
}

/** Reads cases from JSON (an array of fact objects, or of {id, facts}) or CSV (header row; types from the catalog). */
export async function readCases(file: string, catalog: FactCatalog, lang: Language): Promise<Case[]> {
  const text = await readText(file, lang);
  try {
    if (/\.csv$/i.test(file) || !/^\s*[[{]/.test(text)) return fromCsv(text, catalog);
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { cases?: unknown }).cases;
    if (!Array.isArray(list)) throw new Error('expected an array of cases');
    return list.map(fromObject);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      EXIT.input,
      lang === 'nl' ? `${file}: kan de gevallen niet lezen: ${reason}` : `${file}: cannot read the cases: ${reason}`,
    );
  }
}
