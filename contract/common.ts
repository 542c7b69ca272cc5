import { Type } from '@sinclair/typebox';
import { IDENT_PATTERN, TENANT_ID_PATTERN } from './id-patterns';

export { IDENT_PATTERN, TENANT_ID_PATTERN };

/** Shared pieces of the API's request and response schemas: each id pattern is written here once. */

/** CBS municipality code: `GM` and four digits. */
export const TenantId = Type.String({
  pattern: TENANT_ID_PATTERN,
  maxLength: 6,
  description: 'CBS-gemeentecode, e.g. GM0363',
});

/** Kebab-case names of processes, steps, outcomes, rule sets and definitions: lower-case, digits, dashes. */
export const Ident = (description?: string, examples?: string[]) =>
  Type.String({
    pattern: IDENT_PATTERN,
    maxLength: 63,
    ...(description ? { description } : {}),
    ...(examples ? { examples } : {}),
  });

/** Stable name of a rule set or process definition. */
export const ArtifactKey = Ident('e.g. housing-priority');

/** A case id as the start of a case returns it: the municipality, then a keyed hash (never the reference). */
const CASE_ID = 'GM[0-9]{4}-[a-z0-9:-]{1,200}';
export const CASE_ID_PATTERN = `^${CASE_ID}$`;
/** Comma-separated case ids (possibly none). */
export const CASE_ID_LIST_PATTERN = `^(${CASE_ID})?(,${CASE_ID})*$`;
export const CaseId = Type.String({
  pattern: CASE_ID_PATTERN,
  maxLength: 207,
  description: 'Case id as returned when the case was started',
});

/** Login names: letters, digits and . _ @ - only, so they are safe in logs and URLs. */
export const Username = Type.String({ pattern: '^[A-Za-z0-9._@-]{2,100}$', maxLength: 100 });

/** Free text a person types (names, comments): no control characters. */
export const Text = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$' });

/** Why: stored in the audit trail. */
export const Reason = Text(2000);
/** An optional reason for a change, as a body or as a query string (DELETE has no body). */
export const ReasonBody = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });
export const ReasonQuery = Type.Object({ reason: Type.Optional(Reason) }, { additionalProperties: false });

/**
 * Fields of a free-form object (case data, an event's payload, facts): checked further by the
 * process's or fact catalog's own schema; far above any real case (tens of fields).
 */
export const MAX_FREE_FORM_PROPERTIES = 500;

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });

/** A date (YYYY-MM-DD, start of that day in the Netherlands) or an RFC 3339 date-time. */
export const DateOrDateTime = Type.Union([
  Type.String({ format: 'date', maxLength: 10 }),
  Type.String({ format: 'date-time', maxLength: 64 }),
]);

/** An RFC 3339 date-time; 64 characters leave room for any fraction of a second and offset. */
export const Instant = Type.String({ format: 'date-time', maxLength: 64 });
export const NullableInstant = Type.Union([Instant, Type.Null()]);

/** Dutch and English of one text: the UI picks by language. */
export const LocalText = Type.Object({ nl: Type.String(), en: Type.String() }, { additionalProperties: false });

/** Paging: the page size a list query takes. */
export const Limit = (maximum: number, defaultSize: number, description?: string) =>
  Type.Integer({ minimum: 1, maximum, default: defaultSize, ...(description ? { description } : {}) });
/** Paging: the opaque token of the next page, null on the last one; passed back as `cursor`. */
export const NextCursor = Type.Union([Type.String(), Type.Null()], {
  description: 'Pass as `cursor` for the next page; null on the last page',
});
export const Cursor = Type.String({
  maxLength: 4096,
  pattern: '^[A-Za-z0-9_-]*$',
  description: 'nextCursor of the previous page',
});

export const UserIdParams = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const KeyIdParams = Type.Object({ keyId: Uuid }, { additionalProperties: false });
export const TenantIdParams = Type.Object({ tenantId: TenantId }, { additionalProperties: false });
