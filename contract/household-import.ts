import { Type, type Static } from '@sinclair/typebox';
import { CaseId } from './common';

/**
 * The import of a municipality's list of displaced persons from Ukraine (GOO residents) into the
 * process overgang-oekraine: one case per household, started through the normal start of a case.
 */

/** At most this many households per file; larger lists go in parts (re-importing is harmless). */
export const MAX_IMPORT_ROWS = 2000;
/** The CSV text, within the API's body limit of 256 kB. */
export const MAX_IMPORT_CHARS = 250_000;

export const ImportHouseholdsBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: MAX_IMPORT_CHARS,
      description:
        'The list as CSV (UTF-8, separator ; or ,; a header line first). Columns: referentie, cohort, huishoudgrootte (required); kinderen, opvang, zelfstandige_woonruimte, medische_urgentie, sociale_noodsituatie, jaren_binding (optional). No BSN or names: the reference is your own pseudonymous household number.',
      examples: ['referentie;cohort;huishoudgrootte\nHH-0001;cohort-1;3\n'],
    }),
  },
  { additionalProperties: false },
);
export type ImportHouseholdsBody = Static<typeof ImportHouseholdsBody>;

/** One thing wrong with the file: line (1 is the header), column by its header name, Dutch first. */
export const ImportLineError = Type.Object(
  {
    line: Type.Integer({ minimum: 1 }),
    column: Type.String({ description: 'header name of the column; empty for the line as a whole' }),
    message: Type.Object({ nl: Type.String(), en: Type.String() }),
  },
  { additionalProperties: false },
);
export type ImportLineError = Static<typeof ImportLineError>;

export const ImportedHousehold = Type.Object(
  {
    line: Type.Integer({ minimum: 2 }),
    caseId: CaseId,
    /** false: a case with this household reference existed already (an earlier import or start). */
    created: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const HouseholdImportResult = Type.Object(
  {
    households: Type.Integer({ minimum: 0, description: 'households in the file' }),
    started: Type.Integer({ minimum: 0, description: 'cases started now' }),
    existing: Type.Integer({ minimum: 0, description: 'households that had a case already' }),
    cases: Type.Array(ImportedHousehold, { maxItems: MAX_IMPORT_ROWS }),
  },
  { additionalProperties: false },
);
export type HouseholdImportResult = Static<typeof HouseholdImportResult>;
