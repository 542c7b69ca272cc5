import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { WebhookActivities } from './activity-types';
import type { WebhookDeliveryInput, WebhookDeliveryResult } from './webhook-delivery-input';

/**
 * Delivers one case event to one subscription. Temporal retries the attempt with exponential
 * backoff for the whole budget in the input (about 29 hours by default), across worker
 * restarts; when the budget is spent the log entry is marked failed, so nothing is lost silently.
 * The workflow id is derived from (subscription, event id): one delivery per pair, ever.
 */
export async function webhookDelivery(input: WebhookDeliveryInput): Promise<WebhookDeliveryResult> {
  const r = input.retry;
  const { deliverWebhook } = proxyActivities<WebhookActivities>({
    startToCloseTimeout: r.attemptTimeoutMs + 20_000,
    retry: {
      initialInterval: r.initialIntervalMs,
      backoffCoefficient: r.backoffCoefficient,
      maximumInterval: r.maximumIntervalMs,
      maximumAttempts: r.maximumAttempts,
    },
  });
  // No attempt limit: the log must end up saying "failed" once the store answers again.
  const { markWebhookFailed } = proxyActivities<WebhookActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
  });
  try {
    const { statusCode } = await deliverWebhook(input);
    return { status: 'delivered', statusCode };
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    const error = err.cause?.message ?? err.message;
    await markWebhookFailed({ tenant: input.tenant, deliveryId: input.deliveryId, error });
    return { status: 'failed', error };
  }
}
