import { Type, type Static } from '@sinclair/typebox';

/** Request and response bodies of the case API: validated with ajv and described in OpenAPI from here. */
export const StartCaseBody = Type.Object(
  {
    caseRef: Type.String({
      description:
        'Your own pseudonymous case reference (e.g. zaaknummer); starting twice with it gives the same case.',
      examples: ['ZAAK-2026-000123'],
    }),
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: "Case data, checked against the process's input schema.",
    }),
  },
  { additionalProperties: false },
);
export type StartCaseBody = Static<typeof StartCaseBody>;

export const EventBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 63,
      description: 'An event the current step expects, e.g. hotel-geplaatst',
    }),
    payload: Type.Record(Type.String(), Type.Unknown(), {
      default: {},
      description: "The event's data, checked against its payload schema.",
    }),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

const Ident = (description: string) => Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description });

export const ListCasesQuery = Type.Object(
  {
    processId: Type.Optional(Ident('Only cases of this process')),
    step: Type.Optional(Ident('Only cases now in this step')),
    status: Type.Optional(
      Type.Union(
        [
          Type.Literal('running'),
          Type.Literal('completed'),
          Type.Literal('cancelled'),
          Type.Literal('terminated'),
          Type.Literal('failed'),
          Type.Literal('timed_out'),
        ],
        { description: 'Case status' },
      ),
    ),
    outcome: Type.Optional(Ident('Only cases that ended with this outcome, e.g. gehuisvest')),
    deadlineBefore: Type.Optional(
      Type.String({ format: 'date-time', description: 'Next deadline before this instant' }),
    ),
    deadlineAfter: Type.Optional(
      Type.String({ format: 'date-time', description: 'Next deadline at or after this instant' }),
    ),
    overdue: Type.Optional(Type.Boolean({ description: 'Running cases whose next deadline has passed' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size' })),
    cursor: Type.Optional(
      Type.String({ maxLength: 4096, pattern: '^[A-Za-z0-9_-]*$', description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
export type ListCasesQuery = Static<typeof ListCasesQuery>;

export const ProcessParams = Type.Object({
  processId: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
    description: 'Process id, e.g. nareiziger-hotelverblijf',
    examples: ['nareiziger-hotelverblijf'],
  }),
});
export const CaseParams = Type.Object({
  caseId: Type.String({
    pattern: '^GM[0-9]{4}-[a-z0-9:-]{1,200}$',
    description: 'Case id as returned when the case was started',
  }),
});

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 2000,
      description: 'Why the case is cancelled (kept in the audit trail)',
    }),
  },
  { additionalProperties: false },
);

/** The Idempotency-Key header's allowed shape (IETF httpapi idempotency-key draft: an opaque string). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;
