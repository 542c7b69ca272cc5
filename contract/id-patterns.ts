/**
 * The id patterns of the API and the process-definition format, each written once. Plain strings
 * (no schema code), so the schemas, the DSL, the services and the browser app's forms import the
 * same text: `new RegExp(p)` in code, `htmlPattern(p)` for an input's `pattern` attribute.
 */

/** Kebab-case names of processes, steps, events, outcomes, rule sets and definitions: lower-case, digits, dashes. */
export const IDENT_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';

/** CBS municipality code: `GM` and four digits. */
export const TENANT_ID_PATTERN = '^GM[0-9]{4}$';

/** A half-year of the housing quota: 1 Jan–30 Jun is H1, 1 Jul–31 Dec is H2 (e.g. 2026-H1). */
export const HALF_YEAR_PATTERN = '^[0-9]{4}-H[12]$';

/** The pattern for an HTML input's `pattern` attribute, which is anchored already (no ^ and $). */
export const htmlPattern = (pattern: string): string => pattern.replace(/^\^/, '').replace(/\$$/, '');
