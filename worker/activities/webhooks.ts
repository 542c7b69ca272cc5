import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Deliverer } from '../../services/webhooks/deliver';
import type { WebhookActivities } from '../../workflows/activity-types';

export interface WebhookActivityDeps {
  /** One attempt of one delivery, and marking it failed (services/webhooks/deliver.ts). */
  deliverer: Pick<Deliverer, 'attempt' | 'fail'>;
  /** Called once a delivery ends, e.g. to count webhook failures in /metrics. */
  onDeliveryEnded?: (d: { tenant: string; status: 'delivered' | 'failed' }) => void;
}

/** Retrying cannot help (subscription deleted or switched off): the workflow stops trying. */
export const WEBHOOK_GIVE_UP = 'WEBHOOK_GIVE_UP';

/** The delivery workflow's attempt and give-up steps (publishing is a case activity). */
export function createWebhookActivities(deps: WebhookActivityDeps): WebhookActivities {
  return {
    async deliverWebhook(input) {
      const outcome = await deps.deliverer.attempt(input, Context.current().info.attempt);
      if (outcome.kind === 'delivered') {
        deps.onDeliveryEnded?.({ tenant: input.tenant, status: 'delivered' });
        return { statusCode: outcome.statusCode };
      }
      if (outcome.kind === 'give-up')
        throw ApplicationFailure.create({ type: WEBHOOK_GIVE_UP, message: outcome.message, nonRetryable: true });
      throw ApplicationFailure.create({ type: 'WEBHOOK_DELIVERY_FAILED', message: outcome.message });
    },

    async markWebhookFailed(input) {
      await deps.deliverer.fail(input);
      deps.onDeliveryEnded?.({ tenant: input.tenant, status: 'failed' });
    },
  };
}
