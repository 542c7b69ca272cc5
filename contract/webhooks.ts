import { Type, type Static } from '@sinclair/typebox';
import { CASE_EVENT_TYPES } from '../workflows/case-event';
import { Instant, NullableInstant, Reason, ReasonBody, ReasonQuery, TenantId, Text, Uuid } from './common';

export const CaseEventTypeSchema = Type.Union(
  CASE_EVENT_TYPES.map((t) => Type.Literal(t)),
  { description: 'A case event type' },
);

const WebhookUrl = Type.String({
  format: 'uri',
  pattern: '^https?://[^\\s]+$',
  maxLength: 2000,
  description: 'Where deliveries are POSTed (https in production)',
  examples: ['https://zaaksysteem.example.nl/doorstroom/webhook'],
});
const EventTypes = Type.Array(CaseEventTypeSchema, {
  minItems: 1,
  maxItems: CASE_EVENT_TYPES.length,
  uniqueItems: true,
  description: 'The event types to deliver',
});
const Description = Type.Union([Text(500), Type.Null()]);

export const WebhookSubscriptionSchema = Type.Object(
  {
    id: Uuid,
    tenantId: TenantId,
    url: Type.String(),
    eventTypes: Type.Array(CaseEventTypeSchema),
    description: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean({ description: 'Inactive subscriptions get no new deliveries' }),
    createdBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);

export const CreateSubscriptionBody = Type.Object(
  {
    url: WebhookUrl,
    eventTypes: EventTypes,
    description: Type.Optional(Description),
    active: Type.Optional(Type.Boolean({ default: true })),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const UpdateSubscriptionBody = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    eventTypes: Type.Optional(EventTypes),
    description: Type.Optional(Description),
    active: Type.Optional(Type.Boolean()),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const RotateSecretBody = ReasonBody;

export const DeleteSubscriptionQuery = ReasonQuery;

/** `secret` is shown once: the receiver verifies `Doorstroom-Signature` with it. */
export const SubscriptionWithSecret = Type.Object(
  {
    subscription: WebhookSubscriptionSchema,
    secret: Type.String({ description: 'HMAC-SHA256 key for Doorstroom-Signature; shown once' }),
  },
  { additionalProperties: false },
);

export const SubscriptionList = Type.Object(
  { items: Type.Array(WebhookSubscriptionSchema) },
  { additionalProperties: false },
);

export const SubscriptionIdParams = Type.Object({ subscriptionId: Uuid }, { additionalProperties: false });
export const DeliveryIdParams = Type.Object({ deliveryId: Uuid }, { additionalProperties: false });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusSchema = Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)));

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid,
    tenantId: TenantId,
    subscriptionId: Uuid,
    eventId: Type.String({ description: 'Equals the Doorstroom-Event-Id header and the body id' }),
    eventType: CaseEventTypeSchema,
    caseId: Type.String(),
    status: DeliveryStatusSchema,
    attempts: Type.Integer({ minimum: 0 }),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()], {
      description: "The receiver's last HTTP status; null when it could not be reached",
    }),
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
    deliveredAt: NullableInstant,
    failedAt: NullableInstant,
  },
  { additionalProperties: false },
);

export const ListDeliveriesQuery = Type.Object(
  {
    subscriptionId: Type.Optional(Uuid),
    status: Type.Optional(DeliveryStatusSchema),
    eventId: Type.Optional(Type.String({ maxLength: 200 })),
    caseId: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const DeliveryList = Type.Object({ items: Type.Array(WebhookDeliverySchema) }, { additionalProperties: false });

/** The municipality's named internal hosts (egress guard): names only, at most 50. */
export const InternalHostsBody = Type.Object(
  {
    hosts: Type.Array(
      Type.String({
        minLength: 1,
        maxLength: 253,
        pattern: '^[A-Za-z0-9.-]+$',
        description: 'A fully qualified host name, no IP address',
      }),
      { maxItems: 50 },
    ),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);

export const InternalHostsList = Type.Object(
  {
    hosts: Type.Array(Type.String(), {
      description:
        'Deliveries to these names may go to private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7); never to loopback, link-local or reserved ones',
    }),
  },
  { additionalProperties: false },
);

export type CaseEventType = Static<typeof CaseEventTypeSchema>;
export type WebhookSubscription = Static<typeof WebhookSubscriptionSchema>;
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;
export type UpdateSubscriptionBody = Static<typeof UpdateSubscriptionBody>;
export type RotateSecretBody = Static<typeof RotateSecretBody>;
export type DeleteSubscriptionQuery = Static<typeof DeleteSubscriptionQuery>;
export type SubscriptionWithSecret = Static<typeof SubscriptionWithSecret>;
export type SubscriptionList = Static<typeof SubscriptionList>;
export type SubscriptionIdParams = Static<typeof SubscriptionIdParams>;
export type DeliveryIdParams = Static<typeof DeliveryIdParams>;
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
export type ListDeliveriesQuery = Static<typeof ListDeliveriesQuery>;
export type DeliveryList = Static<typeof DeliveryList>;
export type InternalHostsBody = Static<typeof InternalHostsBody>;
export type InternalHostsList = Static<typeof InternalHostsList>;
