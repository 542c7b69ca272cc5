import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Instant, Limit, NextCursor, NullableInstant, Uuid } from './common';

/** What Doorstroom did with one notification; `pending` while its workflow still reads the zaak. */
export const NOTIFICATIE_OUTCOMES = [
  'pending',
  'case-started',
  'case-exists',
  'event-sent',
  'ignored',
  'failed',
] as const;
export type NotificatieOutcome = (typeof NOTIFICATIE_OUTCOMES)[number];

/** Why a notification was ignored: no mapping matched, the fetched zaak met no mapping's conditions, or its case is unknown. */
export const IGNORE_REASONS = ['no-mapping', 'conditions', 'missing-case'] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

/**
 * One received notification as the log keeps it: references and codes only — no URL, no zaak
 * data, no kenmerken (they may name a person's zaaktype or organisation).
 */
export const NotificatieLogEntry = Type.Object(
  {
    id: Type.String({ description: 'Log entry id (a hash for notifications read from the zaak; a uuid otherwise)' }),
    receivedAt: Instant,
    kanaal: Type.String(),
    resource: Type.String(),
    actie: Type.String(),
    mappingId: Type.Union([Uuid, Type.Null()]),
    mappingName: Type.Union([Type.String(), Type.Null()], {
      description: 'The mapping’s name now (null when deleted)',
    }),
    mode: Type.Union([Type.Literal('kenmerken'), Type.Literal('zaak')], {
      description: 'kenmerken: handled at once (200); zaak: the zaak was read by a workflow (202)',
    }),
    result: Type.Union(
      NOTIFICATIE_OUTCOMES.map((o) => Type.Literal(o)),
      { description: 'What Doorstroom did' },
    ),
    ignoreReason: Type.Union([...IGNORE_REASONS.map((r) => Type.Literal(r)), Type.Null()]),
    errorCode: Type.Union([Type.String(), Type.Null()], {
      description: 'The error code when result is failed (e.g. ZGW_REFUSED, INVALID_CASE_DATA)',
    }),
    httpStatus: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The ZGW API’s HTTP status behind a failure, if any',
    }),
    caseId: Type.Union([Type.String(), Type.Null()]),
    completedAt: NullableInstant,
  },
  { additionalProperties: false },
);
export type NotificatieLogEntry = Static<typeof NotificatieLogEntry>;

export const NotificatieLogQuery = Type.Object(
  {
    limit: Type.Optional(Limit(200, 50)),
    cursor: Type.Optional(Cursor),
    result: Type.Optional(Type.Union(NOTIFICATIE_OUTCOMES.map((o) => Type.Literal(o)))),
  },
  { additionalProperties: false },
);
export type NotificatieLogQuery = Static<typeof NotificatieLogQuery>;

export const NotificatieLogPage = Type.Object(
  { items: Type.Array(NotificatieLogEntry), nextCursor: NextCursor },
  { additionalProperties: false },
);
export type NotificatieLogPage = Static<typeof NotificatieLogPage>;
