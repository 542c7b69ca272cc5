/**
 * Finds a BSN or V-nummer written anywhere in a text, for the places where a text leaves the
 * encrypted payloads: case references (search attributes, case ids, URLs) and log lines. Pure and
 * deterministic: the workflow sandbox uses it too (subprocess references).
 *
 * Only digit runs of the right length are looked at, so ordinary references (`ZAAK-2026-0001`,
 * dates) pass:
 * - a run of 9 digits that passes the BSN elfproef;
 * - a run of 8 digits that passes it with the leading zero put back (spreadsheets drop it), unless
 *   it reads as a date (yyyymmdd);
 * - a run of 10 digits: a V-nummer (the IND's vreemdelingennummer has no public check digit, so
 *   every 10-digit run counts), also after a `V`;
 * - the usual written-out forms, groups joined by one `.`, `-`, `_` or space: 1234.56.782 and
 *   123.456.782 (BSN), 1234-5678-90 (V-nummer);
 * - a text that is nothing but 8–10 digits, a date aside (a mistyped BSN is still someone's BSN);
 * - the word BSN or sofi followed by digits.
 * UUIDs and hex tokens of 16 or more characters are skipped: they are pseudonymous by construction
 * (ZGW zaak URLs end in a UUID, case ids in a keyed hash).
 */

export type PersonalNumberKind = 'bsn' | 'v-nummer';

export interface PersonalNumberFound {
  kind: PersonalNumberKind;
  /** Where in the text, for redaction; never shown to a person. */
  start: number;
  end: number;
}

/** BSN weights 9..2 for the first eight digits, −1 for the last (Wet algemene bepalingen BSN, art. 1). */
const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/** The elfproef of a 9-digit BSN; all zeros is not a number anyone has. */
export function passesBsnElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  const sum = BSN_WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return sum % 11 === 0;
}

function looksLikeDate(eight: string): boolean {
  const y = Number(eight.slice(0, 4));
  const m = Number(eight.slice(4, 6));
  const d = Number(eight.slice(6, 8));
  return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** What a group of digits is, once its separators are gone; undefined when it is neither. */
function classify(digits: string, grouped: boolean): PersonalNumberKind | undefined {
  if (digits.length === 10) return 'v-nummer';
  if (digits.length === 9 && passesBsnElfproef(digits)) return 'bsn';
  if (digits.length === 8 && !grouped && !looksLikeDate(digits) && passesBsnElfproef(`0${digits}`)) return 'bsn';
  return undefined;
}

/** Group lengths of the written-out forms (BSN 4.2.3 and 3.3.3, V-nummer 4-4-2). */
const GROUPINGS = ['4,2,3', '3,3,3', '4,4,2'];
const SEPARATOR = /^[.\-_ ]$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX_TOKEN = /(?<![0-9a-z])[0-9a-f]{16,}(?![0-9a-z])/gi;

export function findPersonalNumber(text: string): PersonalNumberFound | undefined {
  const compact = text.replace(/[.\-_\s]/g, '');
  if (/^\d{8,10}$/.test(compact) && !(compact.length === 8 && looksLikeDate(compact)))
    return { kind: compact.length === 10 ? 'v-nummer' : 'bsn', start: 0, end: text.length };
  const keyword = /(bsn|sofi)[^a-z0-9]{0,3}\d(?:[.\-_ ]?\d)*/i.exec(text);
  if (keyword) return { kind: 'bsn', start: keyword.index, end: keyword.index + keyword[0].length };

  // UUIDs and long hex tokens (case ids, hashes) become letters of the same length: positions stay
  // right and their digits are not runs.
  const scan = text
    .replace(UUID, (u) => 'x'.repeat(u.length))
    .replace(HEX_TOKEN, (h) => (/[a-f]/i.test(h) ? 'x'.repeat(h.length) : h));
  const runs = [...scan.matchAll(/\d+/g)].map((m) => ({
    digits: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as (typeof runs)[number];
    const single = classify(run.digits, false);
    if (single) return { kind: single, start: run.start, end: run.end };
    // Consecutive runs joined by exactly one separator, in one of the written-out forms.
    let lengths = String(run.digits.length);
    let digits = run.digits;
    for (let j = i + 1; j < runs.length && j < i + 3; j++) {
      const prev = runs[j - 1] as (typeof runs)[number];
      const next = runs[j] as (typeof runs)[number];
      if (next.start !== prev.end + 1 || !SEPARATOR.test(scan.charAt(prev.end))) break;
      lengths += `,${next.digits.length}`;
      digits += next.digits;
      const kind = GROUPINGS.includes(lengths) ? classify(digits, true) : undefined;
      if (kind) return { kind, start: run.start, end: next.end };
    }
  }
  return undefined;
}

/** The text with every personal number found replaced, for log lines. */
export function redactPersonalNumbers(text: string, censor = '[verwijderd]'): string {
  let out = text;
  for (let guard = 0; guard < 20; guard++) {
    const found = findPersonalNumber(out);
    if (!found) return out;
    out = `${out.slice(0, found.start)}${censor}${out.slice(found.end)}`;
  }
  return out;
}
