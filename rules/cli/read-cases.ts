import { coerceFactValue } from '../facts/facts-schema';
import type { FactCatalog } from '../facts/fact-catalog';
import type { Language } from '../localized-text';
import { CliError, EXIT, readText } from './cli-io';
import { parseCsv } from './csv';

export interface Case {
  /** A pseudonymous case reference, never a BSN or V-nummer. */
  id: string;
  facts: Record<string, unknown>;
  peildatum?: string;
}

const ID_KEYS = ['id', 'caseRef', 'zaak'];

function fromObject(value: unknown, index: number): Case {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`case ${index + 1} is not an object`);
  const o = value as Record<string, unknown>;
  if (typeof o.facts === 'object' && o.facts !== null) {
    return { id: String(o.id ?? index + 1), facts: o.facts as Record<string, unknown>, ...(typeof o.peildatum === 'string' ? { peildatum: o.peildatum } : {}) };
  }
  const facts: Record<string, unknown> = {};
  let id = String(index + 1);
  let peildatum: string | undefined;
  for (const [key, v] of Object.entries(o)) {
    if (ID_KEYS.includes(key)) id = String(v);
    else if (key === 'peildatum' && typeof v === 'string') peildatum = v;
    else facts[key] = v;
  }
  return { id, facts, ...(peildatum ? { peildatum } : {}) };
}

function fromCsv(text: string, catalog: FactCatalog): Case[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.map((row, index) => {
    const c: Case = { id: String(index + 1), facts: {} };
    names.forEach((name, i) => {
      const raw = row[i] ?? '';
      if (ID_KEYS.includes(name)) c.id = raw.trim() || c.id;
      else if (name === 'peildatum') { if (raw.trim()) c.peildatum = raw.trim(); }
      else {
        const value = coerceFactValue(catalog.facts[name], raw);
        if (value !== undefined) c.facts[name] = value;
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
    throw new CliError(EXIT.input, lang === 'nl' ? `${file}: kan de gevallen niet lezen: ${reason}` : `${file}: cannot read the cases: ${reason}`);
  }
}
