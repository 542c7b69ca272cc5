import { Type, type Static } from '@sinclair/typebox';
import type { DigestStatus } from '../workflows/digest-input';
import { Instant, NullableInstant, Reason, TenantId } from './common';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
const DayOfWeekSchema = Type.Union(DAYS.map((d) => Type.Literal(d)));

const Schedule = Type.Object(
  {
    hour: Type.Integer({ minimum: 0, maximum: 23, description: 'Hour of the day, Europe/Amsterdam', examples: [7] }),
    minute: Type.Integer({ minimum: 0, maximum: 59 }),
    daysOfWeek: Type.Optional(
      Type.Array(DayOfWeekSchema, { uniqueItems: true, maxItems: 7, description: 'Empty or absent: every day' }),
    ),
  },
  { additionalProperties: false },
);

const Delivery = Type.Object(
  {
    channel: Type.Union([Type.Literal('webhook'), Type.Literal('email')], {
      description:
        'webhook: a signed POST to `url`; email: a message to `to`, only when the server has DOORSTROOM_SMTP_URL',
    }),
    url: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://[^\\s]+$',
        maxLength: 2000,
        description: 'Required for webhook',
      }),
    ),
    to: Type.Optional(
      Type.String({
        format: 'email',
        maxLength: 320,
        description: "Required for email: the municipality's mailbox, never a client's",
      }),
    ),
  },
  { additionalProperties: false },
);

export const PutAlertConfigBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'Off: the schedule is removed; send-now still works' }),
    daysAhead: Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'The window: deadlines passing in the next N days',
    }),
    schedule: Schedule,
    delivery: Delivery,
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const AlertConfigSchema = Type.Object(
  {
    tenantId: TenantId,
    enabled: Type.Boolean(),
    daysAhead: Type.Integer(),
    schedule: Type.Object(
      {
        hour: Type.Integer(),
        minute: Type.Integer(),
        daysOfWeek: Type.Array(DayOfWeekSchema),
        timezone: Type.Literal('Europe/Amsterdam'),
      },
      { additionalProperties: false },
    ),
    delivery: Type.Union([
      Type.Object({ channel: Type.Literal('webhook'), url: Type.String() }, { additionalProperties: false }),
      Type.Object({ channel: Type.Literal('email'), to: Type.String() }, { additionalProperties: false }),
    ]),
    scheduleId: Type.Union([Type.String(), Type.Null()], {
      description: 'The Temporal Schedule; null while switched off',
    }),
    createdBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);

/** `secret` only when the configuration is created or the secret rotated: shown once. */
export const AlertConfigWithSecret = Type.Object(
  {
    config: AlertConfigSchema,
    secret: Type.Optional(Type.String({ description: 'HMAC-SHA256 key for Doorstroom-Signature; shown once' })),
  },
  { additionalProperties: false },
);

export { ReasonBody, ReasonQuery } from './common';

export const DIGEST_STATUSES: readonly DigestStatus[] = ['pending', 'sent', 'failed', 'skipped'];
export const DigestStatusSchema = Type.Union(DIGEST_STATUSES.map((s) => Type.Literal(s)));

const DigestId = Type.String({
  pattern: '^deadline-digest-[A-Za-z0-9._:-]{1,200}$',
  maxLength: 216,
  description: 'The workflow id of the run; equals Doorstroom-Event-Id',
});
export const DigestIdParams = Type.Object({ digestId: DigestId }, { additionalProperties: false });

export const DigestLogEntrySchema = Type.Object(
  {
    id: DigestId,
    tenantId: TenantId,
    trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
    channel: Type.String(),
    target: Type.String({ description: 'The URL or mailto: address it went to' }),
    status: DigestStatusSchema,
    attempts: Type.Integer({ minimum: 0 }),
    caseCount: Type.Integer({ minimum: 0 }),
    deadlineCount: Type.Integer({ minimum: 0 }),
    windowFrom: NullableInstant,
    windowTo: NullableInstant,
    statusCode: Type.Union([Type.Integer(), Type.Null()], {
      description: "The receiver's HTTP status; null for e-mail or when unreachable",
    }),
    error: Type.Union([Type.String(), Type.Null()]),
    requestedBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
    sentAt: NullableInstant,
  },
  { additionalProperties: false },
);

export const DigestLogQuery = Type.Object(
  {
    status: Type.Optional(DigestStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const DigestLogList = Type.Object({ items: Type.Array(DigestLogEntrySchema) }, { additionalProperties: false });

export const SendNowResponse = Type.Object(
  {
    digestId: DigestId,
    /** Null while the run is still going (a slow receiver): read the log entry later. */
    entry: Type.Union([DigestLogEntrySchema, Type.Null()]),
  },
  { additionalProperties: false },
);

export type PutAlertConfigBody = Static<typeof PutAlertConfigBody>;
export type AlertConfig = Static<typeof AlertConfigSchema>;
export type AlertConfigWithSecret = Static<typeof AlertConfigWithSecret>;
export type DigestIdParams = Static<typeof DigestIdParams>;
export type DigestLogEntry = Static<typeof DigestLogEntrySchema>;
export type DigestLogQuery = Static<typeof DigestLogQuery>;
export type DigestLogList = Static<typeof DigestLogList>;
export type SendNowResponse = Static<typeof SendNowResponse>;
