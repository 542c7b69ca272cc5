import type { Clock } from '../../platform/store/clock';
import type { Db } from '../../platform/store/create-store';
import { webhookBody } from '../../workflows/case-event';
import { findDeliveryRow, markFailed, recordAttempt } from './deliveries';
import type { WebhookDeliveryInput } from '../../workflows/webhook-delivery-input';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { storeEgressGuard } from '../../platform/egress/store-guard';
import { sendWebhook } from './send-webhook';
import { findSubscriptionRow } from './subscriptions';
import { openWebhookSecret } from './webhook-secret';
import type { SecretBox } from '../../platform/codec/secret-box';

export interface DelivererDeps {
  db: Db;
  clock: Clock;
  /** Opens the subscriptions' sealed secrets (the store's key ring). */
  secrets: SecretBox;
  /** Default: the store's guard with allowances from the environment. */
  egress?: EgressGuard;
}

export type AttemptOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retry'; message: string }
  /** Retrying cannot help: the subscription is gone or switched off. */
  | { kind: 'give-up'; message: string };

/**
 * One delivery attempt: reads the subscription as it is now (a corrected URL or a rotated
 * secret applies to retries), signs, sends, and writes the result to the log.
 */
export function createDeliverer(deps: DelivererDeps) {
  const egress = deps.egress ?? storeEgressGuard(deps.db);
  return {
    async attempt(input: WebhookDeliveryInput, attempt: number): Promise<AttemptOutcome> {
      const now = () => deps.clock();
      const existing = await findDeliveryRow(deps.db, input.tenant, input.deliveryId);
      if (existing?.status === 'delivered') return { kind: 'delivered', statusCode: existing.last_status_code ?? 200 };
      const sub = await findSubscriptionRow(deps.db, input.tenant, input.subscriptionId);
      if (!sub || sub.disabled_at !== null) {
        const message = sub ? 'subscription is switched off' : 'subscription was deleted';
        await recordAttempt(
          deps.db,
          input.deliveryId,
          { attempt, statusCode: null, error: message, delivered: false },
          now().toISOString(),
        );
        return { kind: 'give-up', message };
      }
      const result = await sendWebhook(
        {
          url: sub.url,
          tenant: input.tenant,
          secret: await openWebhookSecret(deps.db, deps.secrets, sub),
          body: JSON.stringify(webhookBody(input.event)),
          eventId: input.event.id,
          eventType: input.event.type,
          attempt,
          timestamp: Math.floor(now().getTime() / 1000),
          timeoutMs: input.retry.attemptTimeoutMs,
        },
        egress,
      );
      await recordAttempt(
        deps.db,
        input.deliveryId,
        { attempt, statusCode: result.statusCode, error: result.error, delivered: result.ok },
        now().toISOString(),
      );
      if (result.ok) return { kind: 'delivered', statusCode: result.statusCode ?? 200 };
      return { kind: 'retry', message: result.error ?? 'delivery failed' };
    },

    async fail(input: { tenant: string; deliveryId: string; error: string }): Promise<void> {
      await markFailed(deps.db, input.deliveryId, input.error, deps.clock().toISOString());
    },
  };
}

export type Deliverer = ReturnType<typeof createDeliverer>;
