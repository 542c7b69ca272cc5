import {
  CreateSubscriptionBody, DeleteSubscriptionQuery, DeliveryIdParams, DeliveryList, InternalHostsBody, InternalHostsList, ListDeliveriesQuery, RotateSecretBody, SubscriptionIdParams,
  SubscriptionList, SubscriptionWithSecret, UpdateSubscriptionBody, WebhookDeliverySchema, WebhookSubscriptionSchema,
} from '../../routes/schemas/webhooks';
import type { ErrorCode } from '../error-codes';
import type { Operation } from '../operation';

const T = 'Webhooks';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'PASSWORD_CHANGE_REQUIRED'];
const signing =
  'Every delivery is a POST with a JSON body of references only (event id, type, occurredAt, tenant, caseId, processId, step, outcome, deadline) — never case data — ' +
  'and the headers `Doorstroom-Event-Id` and `Doorstroom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the secret>`. ' +
  'Answer 2xx; anything else is retried with exponential backoff for about 29 hours. See docs/webhooks.md.';
const subscriptionLinks = {
  GetSubscription: { operationId: 'getWebhookSubscription', parameters: { subscriptionId: '$response.body#/subscription/id' } },
};

export const webhookOperations: Operation[] = [
  { method: 'get', path: '/webhooks/subscriptions', operationId: 'listWebhookSubscriptions', tag: T, access: 'session', requires: 'admin', summary: "The municipality's webhook subscriptions (never their secrets)", responses: { 200: { description: 'Subscriptions', schema: SubscriptionList } }, errors: base },
  { method: 'post', path: '/webhooks/subscriptions', operationId: 'createWebhookSubscription', tag: T, access: 'session', requires: 'admin', summary: 'Subscribe a URL to case events; the signing secret is shown once', description: signing, body: CreateSubscriptionBody, responses: { 201: { description: 'Created', schema: SubscriptionWithSecret, links: subscriptionLinks } }, errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'WEBHOOK_URL_NOT_ALLOWED'] },
  { method: 'get', path: '/webhooks/subscriptions/{subscriptionId}', operationId: 'getWebhookSubscription', tag: T, access: 'session', requires: 'admin', summary: 'A webhook subscription', params: SubscriptionIdParams, responses: { 200: { description: 'Subscription', schema: WebhookSubscriptionSchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'patch', path: '/webhooks/subscriptions/{subscriptionId}', operationId: 'updateWebhookSubscription', tag: T, access: 'session', requires: 'admin', summary: 'Change the URL, event types, description, or switch a subscription on or off', params: SubscriptionIdParams, body: UpdateSubscriptionBody, responses: { 200: { description: 'Updated', schema: WebhookSubscriptionSchema } }, errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND', 'WEBHOOK_URL_NOT_ALLOWED'] },
  { method: 'delete', path: '/webhooks/subscriptions/{subscriptionId}', operationId: 'deleteWebhookSubscription', tag: T, access: 'session', requires: 'admin', summary: 'Delete a subscription; its delivery log stays, pending deliveries end as failed', params: SubscriptionIdParams, query: DeleteSubscriptionQuery, responses: { 204: { description: 'Deleted' } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'post', path: '/webhooks/subscriptions/{subscriptionId}/rotate-secret', operationId: 'rotateWebhookSecret', tag: T, access: 'session', requires: 'admin', summary: 'Replace the signing secret (shown once); the old one stops at once', params: SubscriptionIdParams, body: RotateSecretBody, responses: { 200: { description: 'New secret', schema: SubscriptionWithSecret } }, errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'NOT_FOUND'] },
  { method: 'get', path: '/webhooks/deliveries', operationId: 'listWebhookDeliveries', tag: T, access: 'session', requires: 'admin', summary: 'The delivery log, newest first: status (pending, delivered, failed), attempts, last answer', query: ListDeliveriesQuery, responses: { 200: { description: 'Deliveries', schema: DeliveryList } }, errors: [...base, 'VALIDATION_FAILED'] },
  { method: 'get', path: '/webhooks/deliveries/{deliveryId}', operationId: 'getWebhookDelivery', tag: T, access: 'session', requires: 'admin', summary: 'One delivery of one event to one subscription', params: DeliveryIdParams, responses: { 200: { description: 'Delivery', schema: WebhookDeliverySchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'get', path: '/webhooks/internal-hosts', operationId: 'listEgressInternalHosts', tag: T, access: 'session', requires: 'admin', summary: "The municipality's named internal hosts: deliveries (webhooks, digests) to these names may reach private addresses", responses: { 200: { description: 'Hosts', schema: InternalHostsList } }, errors: base },
  { method: 'put', path: '/webhooks/internal-hosts', operationId: 'putEgressInternalHosts', tag: T, access: 'session', requires: 'admin', summary: 'Replace the named internal hosts (audited as egress.internalHosts); names only, never an IP address or localhost', description: 'The allowance covers private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) only; loopback, link-local (cloud metadata), multicast and reserved addresses stay refused. Plain http to them also needs DOORSTROOM_WEBHOOK_ALLOW_HTTP=true. See docs/security.md.', body: InternalHostsBody, responses: { 200: { description: 'The list as saved', schema: InternalHostsList } }, errors: [...base, 'VALIDATION_FAILED', 'MALFORMED_JSON', 'WEBHOOK_URL_NOT_ALLOWED'] },
];
