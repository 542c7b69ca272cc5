import type { PublishedCaseEvent } from './case-event';

/** The delivery workflow's type name: the export name in workflows/webhook-delivery.ts. */
export const WEBHOOK_DELIVERY_WORKFLOW = 'webhookDelivery';

/**
 * How long and how often a delivery is tried. The defaults keep trying for about 29 hours
 * (30 s doubling to an hourly retry, 35 attempts), so a receiver that is down for a day loses
 * nothing; tests shrink them to seconds.
 */
export interface DeliveryRetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  /** One HTTP attempt, connection to last byte. */
  attemptTimeoutMs: number;
}

export const DEFAULT_DELIVERY_RETRY: DeliveryRetryPolicy = {
  initialIntervalMs: 30_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 3_600_000,
  maximumAttempts: 35,
  attemptTimeoutMs: 10_000,
};

/** Total time the policy waits between attempts (ignoring the attempts themselves). */
export function retryBudgetMs(p: DeliveryRetryPolicy): number {
  let total = 0;
  let interval = p.initialIntervalMs;
  for (let attempt = 1; attempt < p.maximumAttempts; attempt++) {
    total += interval;
    interval = Math.min(interval * p.backoffCoefficient, p.maximumIntervalMs);
  }
  return total;
}

/** Input of one delivery workflow: one event for one subscription. */
export interface WebhookDeliveryInput {
  deliveryId: string;
  tenant: string;
  subscriptionId: string;
  event: PublishedCaseEvent & { id: string };
  retry: DeliveryRetryPolicy;
}

export type WebhookDeliveryResult = { status: 'delivered'; statusCode: number } | { status: 'failed'; error: string };

/**
 * One workflow per (subscription, event): Temporal refuses a second with the same id. The id names
 * the municipality (`webhook-GM0363-<subscription>-<event>`), so the payload codec encrypts all of
 * the delivery's payloads, its result included, with that municipality's key
 * (platform/codec/tenant-keys.ts); subscription and event ids are random or hashed, never personal.
 * Deliveries started before carry `webhook-<subscription>-<event>` (the id is kept in the
 * delivery log) and complete under it.
 */
export function deliveryWorkflowId(tenant: string, subscriptionId: string, eventId: string): string {
  return `webhook-${tenant}-${subscriptionId}-${eventId}`;
}
