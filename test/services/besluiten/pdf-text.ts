import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (installed by .ci/run). */
export function pdfText(pdf: Buffer, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
  }).toString('utf8');
}

/** What a besluit must never show: placeholders, the epoch, English outcome words, internal ids. */
export const FORBIDDEN_IN_BESLUIT = [
  '{{',
  '}}',
  '1970',
  'priority',
  'not-eligible',
  'Outcome',
  'Uitkomst:',
  'undefined',
  'null',
  '[object',
  'statushouder-voorrang',
  'statushouders-voorrang',
  'permitType',
  'linkedMunicipality',
  'hasIndependentHome',
  'refusedSuitableOffer',
  'minimumLeeftijd',
  'gemeentecode',
  'GM0363',
  'voorrang-besluit',
  'behandelaar1',
  'housing-priority',
];
