import { Type, type Static } from '@sinclair/typebox';

/** Every error code the API answers with: its HTTP status and what a client should do. */
export const ERROR_CODES = {
  VALIDATION_FAILED: {
    status: 400,
    description:
      'A path parameter, query parameter or body field fails its schema; `path` names the first. `details.errors` lists up to 50 of them, `details.more` counts the rest.',
  },
  MALFORMED_JSON: { status: 400, description: 'The body is not valid JSON.' },
  BAD_REQUEST: { status: 400, description: 'The request could not be read.' },
  INVALID_CASE_REF: { status: 400, description: 'caseRef is not 3–64 letters, digits and . _ : / -.' },
  CASE_REF_LOOKS_PERSONAL: {
    status: 400,
    description: 'caseRef looks like a BSN or V-nummer; use a pseudonymous reference.',
  },
  INVALID_CASE_DATA: { status: 400, description: "Case data fail the process's input schema; `path` names the field." },
  INVALID_IMPORT: {
    status: 422,
    description:
      'The household list has errors; `details.errors` lists them by line and column (Dutch and English). Nothing was started.',
  },
  INVALID_FACTS: {
    status: 400,
    description: "A fact is unknown to the rule-set kind's fact catalog or has the wrong type.",
  },
  INVALID_DATE: { status: 400, description: 'Not a calendar date (YYYY-MM-DD) or RFC 3339 date-time.' },
  EFFECTIVE_DATE_IN_PAST: { status: 400, description: 'An effective date must be today or later.' },
  NO_SESSION: { status: 400, description: 'Only a browser session can do this (API keys are revoked instead).' },
  PASSWORD_TOO_SHORT: { status: 400, description: 'The new password is too short.' },
  PASSWORD_TOO_LONG: { status: 400, description: 'The new password is longer than 256 characters.' },
  PASSWORD_TOO_COMMON: {
    status: 400,
    description:
      'The new password is on the list of common or breached passwords, a repetition or sequence, or mostly the username (NIST 800-63B).',
  },
  PASSWORD_UNCHANGED: { status: 400, description: 'The new password equals the current one.' },
  WRONG_PASSWORD: { status: 400, description: 'The current password is wrong.' },
  UNAUTHENTICATED: { status: 401, description: 'No valid session cookie or API key.' },
  METRICS_UNAUTHORIZED: {
    status: 401,
    description:
      '/metrics needs `Authorization: Bearer <METRICS_TOKEN>` (the token is set, and this request lacks it or has another).',
  },
  LOGIN_FAILED: {
    status: 401,
    description: 'Wrong credentials, or the account is temporarily locked (one answer for both).',
  },
  LOGIN_THROTTLED: {
    status: 429,
    description:
      'Too many failed logins from this address, or for this username from this address; `Retry-After` says when to try again.',
  },
  FORBIDDEN: { status: 403, description: 'The caller lacks the role or permission.' },
  CSRF_FAILED: { status: 403, description: 'A state-changing cookie request lacks the X-CSRF-Token header.' },
  FOUR_EYES: { status: 403, description: 'An author of a version may not approve or reject it.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, description: 'Change the one-time password first.' },
  NOT_FOUND: { status: 404, description: 'No such object in your municipality (or no such route).' },
  CASE_NOT_FOUND: { status: 404, description: 'No such case in your municipality.' },
  PROCESS_NOT_FOUND: { status: 404, description: 'No published process with this id in your municipality.' },
  NO_EFFECTIVE_VERSION: { status: 404, description: 'No published version was in force on that date.' },
  PEILDATUM_IN_GAP: {
    status: 422,
    description: 'The peildatum falls where no version is in force (after one was retired, before the next starts).',
  },
  INVALID_PEILDATUM: { status: 422, description: 'The peildatum is not a calendar date (YYYY-MM-DD).' },
  AMBIGUOUS_EFFECTIVE_VERSION: {
    status: 422,
    description: 'Two published versions start on the same date; retire one of them.',
  },
  MIXED_RULE_SETS: { status: 422, description: 'The published versions do not belong to one rule set.' },
  UNDEFINED_FACT: { status: 422, description: 'A rule reads a fact that is neither given nor derived.' },
  SCHEMA_VIOLATION: { status: 422, description: 'The rule set in force does not have the shape of a rule set.' },
  ARTIFACT_EXISTS: { status: 409, description: 'A rule set or definition with this key exists already.' },
  USERNAME_TAKEN: { status: 409, description: 'The username is taken in this municipality.' },
  TENANT_EXISTS: { status: 409, description: 'The municipality exists already.' },
  INVALID_TRANSITION: { status: 409, description: 'The version is not in a state that allows this step.' },
  VERSION_CONFLICT: { status: 409, description: 'Someone else changed the version meanwhile; reload and retry.' },
  VERSION_NOT_DRAFT: { status: 409, description: 'Only drafts can be edited.' },
  OWN_MUNICIPALITY: { status: 409, description: 'A national administrator cannot disable their own municipality.' },
  SELF_LOCKOUT: {
    status: 409,
    description: 'An administrator cannot remove their own admin role or disable themselves.',
  },
  CASE_CLOSED: { status: 409, description: 'The case has ended and accepts no events.' },
  EVENT_NOT_EXPECTED: {
    status: 409,
    description: 'The current step does not expect this event; details list the expected ones.',
  },
  CASE_NOT_WAITING: { status: 409, description: 'The case is between steps; retry in a moment.' },
  INVALID_PAYLOAD: { status: 422, description: "The event's payload fails its schema; `path` names the field." },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    description: 'The Idempotency-Key was used for a different request in the last 24 hours.',
  },
  CONTENT_INVALID: {
    status: 422,
    description: 'Rule-set or definition content fails validation; details list each issue with code and path.',
  },
  BODY_TOO_LARGE: { status: 413, description: 'The body exceeds 256 kB.' },
  RATE_LIMITED: { status: 429, description: 'Too many requests for this key or user; see Retry-After.' },
  WEBHOOK_URL_NOT_ALLOWED: {
    status: 400,
    description: 'A webhook URL must be https (http only to localhost unless allowed) and carry no credentials.',
  },
  ALERT_EMAIL_UNAVAILABLE: {
    status: 400,
    description: 'E-mail delivery was chosen but the server has no SMTP server (DOORSTROOM_SMTP_URL); choose webhook.',
  },
  MUNICIPALITY_DISABLED: { status: 403, description: 'The national administrator has disabled this municipality.' },
  LOCAL_LOGIN_DISABLED: {
    status: 403,
    description:
      'The municipality signs in through its identity provider only; national administrators keep their password.',
  },
  INVALID_IDENTITY_PROVIDER: {
    status: 400,
    description: "The identity provider's settings are incomplete or not valid; `path` names the field.",
  },
  INVALID_ZGW_SETTINGS: {
    status: 400,
    description: "The ZGW APIs' settings are incomplete or not valid; `path` names the field.",
  },
  ZGW_NOT_CONFIGURED: {
    status: 404,
    description: 'The link with the ZGW APIs is not set up (or switched off) for this municipality.',
  },
  ZGW_UNAVAILABLE: {
    status: 502,
    description: 'A ZGW API (Zaken, Catalogi, Besluiten, Documenten) could not be reached or did not answer in time.',
  },
  ZGW_REFUSED: {
    status: 502,
    description: "A ZGW API refused the request; the answer's code and status are in `details`.",
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    description: 'Sign-in through the identity provider is not set up for this municipality.',
  },
  OIDC_UNAVAILABLE: { status: 501, description: 'OpenID Connect sign-in is not available on this server.' },
  OIDC_STATE_INVALID: { status: 400, description: 'The sign-in attempt expired or was used already; start again.' },
  OIDC_TOKEN_INVALID: {
    status: 401,
    description: "The provider's ID token is not valid: wrong audience, expired or wrongly signed.",
  },
  OIDC_PROVIDER_ERROR: {
    status: 502,
    description: 'The identity provider could not be reached or refused the request.',
  },
  OIDC_NO_ROLE: { status: 403, description: 'Signed in, but none of your groups gives a Doorstroom role.' },
  OIDC_USER_DISABLED: { status: 403, description: 'Your Doorstroom account is disabled.' },
  OIDC_LOGOUT_TOKEN_INVALID: {
    status: 400,
    description:
      "The identity provider's logout token is not valid (signature, issuer, audience, age, events, nonce, sub or sid) or was used already; `details.reason` says which.",
  },
  SESSION_ENDED_BY_PROVIDER: {
    status: 401,
    description: "The session ended: the municipality's identity provider no longer confirms the account.",
  },
  PAYLOAD_OTHER_MUNICIPALITY: { status: 403, description: 'The payload belongs to another municipality.' },
  PAYLOAD_DECRYPT_FAILED: {
    status: 422,
    description: 'The payload cannot be decrypted: its key is unknown, or it was altered.',
  },
  INTERNAL: { status: 500, description: 'An unexpected error; it has been logged.' },
  CASE_BUSY: {
    status: 504,
    description: 'The case did not confirm the event in time; read the case to see whether it was applied.',
  },
  TEMPORAL_UNAVAILABLE: {
    status: 503,
    description:
      'The process engine (Temporal) did not answer: it is down, restarting or overloaded. Retry after `Retry-After` seconds. A start or event that had reached Temporal may still be applied: read the case, or repeat it (a start is idempotent on caseRef; an event applied already is refused as not expected).',
  },
  PROFILE_INCOMPLETE: {
    status: 409,
    description:
      'The municipality profile cannot sign a besluit yet (name, address, signatory, bye-law); details list what is missing.',
  },
  NOT_PUBLISHABLE: {
    status: 422,
    description:
      "The version is not finished: {{…}} placeholders, the template's municipality code, or a decision step that does not pass a fact its rule set needs (FACT_NOT_MAPPED); details.issues list each with its path.",
  },
  DECISION_NOT_PENDING: {
    status: 409,
    description: 'This decision step is not waiting for a confirmation (or for facts) now.',
  },
  BRANCH_UNKNOWN: { status: 422, description: 'The decision step has no such outcome; details list the ones it has.' },
  REASON_REQUIRED: {
    status: 422,
    description: 'Deviating from the proposal needs a reason of at least 10 characters (Awb 3:46).',
  },
  REASON_TOO_LONG: { status: 422, description: 'The reason is longer than 4,000 characters.' },
  FACT_NOT_EXPECTED: { status: 422, description: 'The decision step does not use this fact.' },
  CONFIRMED_BY_MISSING: { status: 422, description: 'A confirmation must name the person who decides.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in the table's order (for the OpenAPI document and exhaustive tests). */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** The JSON body of every error answer. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.Unsafe<ErrorCode>(
      Type.Union(
        ERROR_CODE_LIST.map((c) => Type.Literal(c)),
        { description: 'Stable code a client can act on' },
      ),
    ),
    message: Type.String({ description: 'What went wrong, for a person' }),
    path: Type.Optional(
      Type.String({ description: 'RFC 6901 pointer to what failed, e.g. /body/payload/placementDate' }),
    ),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
