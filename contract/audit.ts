import { Type, type Static } from '@sinclair/typebox';
import { DateOrDateTime, Instant } from './common';

/** The most events one page (or one query) of the audit trail returns. */
export const MAX_AUDIT_PAGE = 1000;

const Token = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^[A-Za-z0-9._:@/-]+$' });

export const AuditQuery = Type.Object(
  {
    /** Exact action, or a prefix ending in a dot: `version.` */
    action: Type.Optional(Token(100)),
    actorId: Type.Optional(Token(200)),
    targetType: Type.Optional(Token(100)),
    targetId: Type.Optional(Token(200)),
    from: Type.Optional(DateOrDateTime),
    to: Type.Optional(DateOrDateTime),
    /** Paging: events older than this sequence number. */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AUDIT_PAGE })),
  },
  { additionalProperties: false },
);

export const AuditEventSchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  tenantId: Type.String(),
  at: Instant,
  actor: Type.Object({
    kind: Type.Union([Type.Literal('user'), Type.Literal('apiKey'), Type.Literal('system')]),
    id: Type.String(),
  }),
  action: Type.String(),
  target: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEventSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});

export type AuditQuery = Static<typeof AuditQuery>;
export type AuditEvent = Static<typeof AuditEventSchema>;
export type AuditPage = Static<typeof AuditPage>;

/** GET /audit/export.csv: the same filters, as CSV. */
export const AuditCsv = Type.String({ contentMediaType: 'text/csv' });
