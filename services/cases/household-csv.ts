import type { ImportLineError } from '../../contract/household-import';
import { MAX_IMPORT_ROWS } from '../../contract/household-import';
import { compileSchema } from '../../workflows/dsl/ajv';
import type { ProcessDefinition } from '../../workflows/dsl/schema';
import { checkCaseReference } from './case-reference';

/** A household line of the list, ready to start: its line number, its reference and its case data. */
export interface HouseholdRow {
  line: number;
  caseRef: string;
  data: Record<string, unknown>;
}

type Kind = 'text' | 'integer' | 'number' | 'yes-no';
interface Column {
  property: string;
  kind: Kind;
  required: boolean;
}

/** The columns by their header names (Dutch, as the municipality's list has them) and the input property each fills. */
const COLUMNS: Record<string, Column> = {
  referentie: { property: '', kind: 'text', required: true },
  cohort: { property: 'cohort', kind: 'text', required: true },
  huishoudgrootte: { property: 'householdSize', kind: 'integer', required: true },
  kinderen: { property: 'numberOfChildren', kind: 'integer', required: false },
  opvang: { property: 'accommodation', kind: 'text', required: false },
  zelfstandige_woonruimte: { property: 'hasIndependentHome', kind: 'yes-no', required: false },
  medische_urgentie: { property: 'medicalUrgency', kind: 'yes-no', required: false },
  sociale_noodsituatie: { property: 'socialEmergency', kind: 'yes-no', required: false },
  jaren_binding: { property: 'yearsOfRegionalTies', kind: 'number', required: false },
};
const COLUMN_OF_PROPERTY = new Map(Object.entries(COLUMNS).map(([name, c]) => [c.property, name]));
/** At most this many errors are listed: the first ones show what is wrong with the file. */
const MAX_ERRORS = 100;

/** One CSV line split on `sep`; fields may be quoted ("a;b", "" for a quote). Undefined: an unclosed quote. */
function splitLine(text: string, sep: string): string[] | undefined {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  if (quoted) return undefined;
  out.push(field.trim());
  return out;
}

function parseValue(raw: string, kind: Kind): { ok: true; value: unknown } | { ok: false; nl: string; en: string } {
  switch (kind) {
    case 'text':
      return { ok: true, value: raw };
    case 'integer':
      return /^\d{1,6}$/.test(raw)
        ? { ok: true, value: Number(raw) }
        : { ok: false, nl: 'is geen geheel getal', en: 'is not a whole number' };
    case 'number':
      return /^\d{1,6}([.,]\d{1,3})?$/.test(raw)
        ? { ok: true, value: Number(raw.replace(',', '.')) }
        : { ok: false, nl: 'is geen getal', en: 'is not a number' };
    case 'yes-no': {
      const v = raw.toLowerCase();
      if (v === 'ja' || v === 'j' || v === 'true') return { ok: true, value: true };
      if (v === 'nee' || v === 'n' || v === 'false') return { ok: true, value: false };
      return { ok: false, nl: 'is geen ja of nee', en: 'is not yes (ja) or no (nee)' };
    }
  }
}

/** An ajv message in Dutch for the column, for the few checks the input schema makes. */
function schemaMessage(err: { keyword: string; params: Record<string, unknown> }): { nl: string; en: string } {
  switch (err.keyword) {
    case 'minimum':
      return { nl: `is kleiner dan ${String(err.params.limit)}`, en: `is less than ${String(err.params.limit)}` };
    case 'maximum':
      return { nl: `is groter dan ${String(err.params.limit)}`, en: `is more than ${String(err.params.limit)}` };
    case 'enum':
      return {
        nl: `is geen van: ${(err.params.allowedValues as unknown[]).join(', ')}`,
        en: `is not one of: ${(err.params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'pattern':
      return { nl: 'heeft niet de juiste vorm', en: 'does not have the right form' };
    default:
      return { nl: 'is ongeldig', en: 'is invalid' };
  }
}

/**
 * Reads the municipality's list of GOO households. Every error is reported with its line and
 * column and a Dutch message (never the value itself: a cell could hold a BSN or a name); when
 * there is any, no household is returned, so nothing is started. A reference twice in the file
 * with the same data counts once; with different data it is an error.
 */
export function parseHouseholdCsv(
  csv: string,
  definition: ProcessDefinition,
  municipality: string,
): { ok: true; rows: HouseholdRow[] } | { ok: false; errors: ImportLineError[] } {
  const errors: ImportLineError[] = [];
  const fail = (line: number, column: string, nl: string, en: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, column, message: { nl, en } });
  };
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]?.trim() === '') lines.pop();
  const headerLine = lines[0] ?? '';
  const sep = headerLine.includes(';') ? ';' : ',';
  const header = (splitLine(headerLine, sep) ?? []).map((h) => h.toLowerCase());
  header.forEach((h, i) => {
    if (!Object.prototype.hasOwnProperty.call(COLUMNS, h))
      fail(1, h, `Onbekende kolom "${h}" (kolom ${i + 1}).`, `Unknown column "${h}" (column ${i + 1}).`);
    else if (header.indexOf(h) !== i) fail(1, h, `Kolom "${h}" staat er twee keer in.`, `Column "${h}" appears twice.`);
  });
  for (const [name, c] of Object.entries(COLUMNS))
    if (c.required && !header.includes(name))
      fail(1, name, `De verplichte kolom "${name}" ontbreekt.`, `The required column "${name}" is missing.`);
  if (errors.length) return { ok: false, errors };
  if (lines.length < 2)
    return {
      ok: false,
      errors: [
        {
          line: 1,
          column: '',
          message: { nl: 'Het bestand bevat geen huishoudens.', en: 'The file holds no households.' },
        },
      ],
    };
  if (lines.length - 1 > MAX_IMPORT_ROWS)
    return {
      ok: false,
      errors: [
        {
          line: MAX_IMPORT_ROWS + 2,
          column: '',
          message: {
            nl: `Het bestand bevat ${lines.length - 1} huishoudens; per keer kunnen er ten hoogste ${MAX_IMPORT_ROWS}. Splits het bestand (opnieuw importeren start niets dubbel).`,
            en: `The file holds ${lines.length - 1} households; at most ${MAX_IMPORT_ROWS} per import. Split the file (importing again starts nothing twice).`,
          },
        },
      ],
    };

  const cohorts =
    (definition.parameters as { phasing?: { cohorts?: Record<string, unknown> } } | undefined)?.phasing?.cohorts ?? {};
  const validate = compileSchema(definition.inputSchema);
  const rows: HouseholdRow[] = [];
  const seen = new Map<string, { line: number; data: string }>();
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === '') {
      fail(line, '', 'Lege regel.', 'Empty line.');
      return;
    }
    const cells = splitLine(text, sep);
    if (!cells) return fail(line, '', 'Een aanhalingsteken wordt niet gesloten.', 'A quote is not closed.');
    if (cells.length !== header.length)
      return fail(
        line,
        '',
        `De regel heeft ${cells.length} velden, de kopregel ${header.length}.`,
        `The line has ${cells.length} fields, the header ${header.length}.`,
      );
    const data: Record<string, unknown> = { municipality };
    let caseRef = '';
    let lineOk = true;
    header.forEach((name, j) => {
      const column = COLUMNS[name] as Column;
      const raw = cells[j] as string;
      if (raw === '') {
        if (column.required) {
          fail(line, name, `"${name}" is leeg.`, `"${name}" is empty.`);
          lineOk = false;
        }
        return;
      }
      if (name === 'referentie') {
        try {
          checkCaseReference(raw);
          caseRef = raw;
        } catch (err) {
          lineOk = false;
          const personal = (err as { code?: string }).code === 'CASE_REF_LOOKS_PERSONAL';
          fail(
            line,
            name,
            personal
              ? 'De referentie lijkt op een BSN of V-nummer; gebruik een pseudonieme huishoudreferentie.'
              : 'De referentie moet 3 tot 64 tekens zijn: letters, cijfers en . _ : / - (beginnend met een letter of cijfer).',
            personal
              ? 'The reference looks like a BSN or V-nummer; use a pseudonymous household reference.'
              : 'The reference must be 3 to 64 characters: letters, digits and . _ : / - (starting with a letter or digit).',
          );
        }
        return;
      }
      const parsed = parseValue(raw, column.kind);
      if (!parsed.ok) {
        lineOk = false;
        fail(line, name, `"${name}" ${parsed.nl}.`, `"${name}" ${parsed.en}.`);
        return;
      }
      data[column.property] = parsed.value;
    });
    if (typeof data.cohort === 'string' && !Object.prototype.hasOwnProperty.call(cohorts, data.cohort)) {
      lineOk = false;
      const known = Object.keys(cohorts).join(', ');
      fail(
        line,
        'cohort',
        `Cohort "${data.cohort}" staat niet in de fasering; bekend zijn: ${known}.`,
        `Cohort "${data.cohort}" is not in the phasing; known are: ${known}.`,
      );
    }
    if (lineOk && !validate(data)) {
      lineOk = false;
      for (const err of validate.errors ?? []) {
        const property = err.instancePath.split('/')[1] ?? '';
        const name = COLUMN_OF_PROPERTY.get(property) ?? '';
        const m = schemaMessage(err);
        fail(line, name, `"${name}" ${m.nl}.`, `"${name}" ${m.en}.`);
      }
    }
    if (!lineOk) return;
    const earlier = seen.get(caseRef);
    const key = JSON.stringify(data);
    if (earlier) {
      if (earlier.data !== key)
        fail(
          line,
          'referentie',
          `Deze referentie staat ook op regel ${earlier.line}, met andere gegevens.`,
          `This reference is also on line ${earlier.line}, with other data.`,
        );
      return;
    }
    seen.set(caseRef, { line, data: key });
    rows.push({ line, caseRef, data });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
