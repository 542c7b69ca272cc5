import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseEvent } from '../../workflows/case-event';
import { createDeliverer } from '../../services/webhooks/deliver';
import type { DeliveryRetryPolicy, WebhookDeliveryInput } from '../../workflows/webhook-delivery-input';
import { createEventPublisher, type PublishResult } from '../../services/webhooks/publisher';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { systemClock, type Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';

export interface WebhookActivityDeps {
  store: Pick<Store, 'db'>;
  clock?: Clock;
  /** Default: the worker's own client (Activity Context). */
  client?: Client | (() => Client);
  /** Where delivery workflows run; default: the task queue of the calling activity. */
  taskQueue?: string;
  /** Overrides of the retry budget (tests use seconds). */
  retry?: Partial<DeliveryRetryPolicy>;
  /** Every outbound request goes through it; default the store's guard. */
  egress?: EgressGuard;
  log?: { info: (obj: object, msg: string) => void };
  /** Called once a delivery ends, e.g. to count webhook failures in /metrics. */
  onDeliveryEnded?: (d: { tenant: string; status: 'delivered' | 'failed' }) => void;
}

/** Retrying cannot help (subscription deleted or switched off): the workflow stops trying. */
export const WEBHOOK_GIVE_UP = 'WEBHOOK_GIVE_UP';

/**
 * Activities of outgoing webhooks: publishing a case event (the interpreter calls it) and the
 * delivery workflow's attempt and give-up steps.
 */
export function createWebhookActivities(deps: WebhookActivityDeps) {
  const clock = deps.clock ?? systemClock;
  const publisher = createEventPublisher({
    store: deps.store,
    clock,
    retry: deps.retry,
    log: deps.log,
    client: deps.client ?? (() => Context.current().client),
    taskQueue: () => deps.taskQueue ?? Context.current().info.taskQueue,
  });
  const deliverer = createDeliverer({ db: deps.store.db, clock, egress: deps.egress });

  return {
    /** Starts a delivery per active subscription of the tenant to the event's type; idempotent per event id. */
    async publishCaseEvent(event: CaseEvent): Promise<PublishResult> {
      return publisher.publish(event);
    },

    /** One signed POST; throws (and Temporal retries with backoff) until the receiver answers 2xx. */
    async deliverWebhook(input: WebhookDeliveryInput): Promise<{ statusCode: number }> {
      const outcome = await deliverer.attempt(input, Context.current().info.attempt);
      if (outcome.kind === 'delivered') {
        deps.onDeliveryEnded?.({ tenant: input.tenant, status: 'delivered' });
        return { statusCode: outcome.statusCode };
      }
      if (outcome.kind === 'give-up')
        throw ApplicationFailure.create({ type: WEBHOOK_GIVE_UP, message: outcome.message, nonRetryable: true });
      throw ApplicationFailure.create({ type: 'WEBHOOK_DELIVERY_FAILED', message: outcome.message });
    },

    /** The retry budget is spent: the log says failed, with the last error. */
    async markWebhookFailed(input: { tenant: string; deliveryId: string; error: string }): Promise<void> {
      await deliverer.fail(input);
      deps.onDeliveryEnded?.({ tenant: input.tenant, status: 'failed' });
    },
  };
}

export type WebhookActivities = ReturnType<typeof createWebhookActivities>;
