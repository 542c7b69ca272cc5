import { proxyActivities } from '@temporalio/workflow';
import type { WebhookActivities } from '../../../../worker/activities/webhooks';
import type { CaseEvent } from '../../../../workflows/case-event';

// The bundle the test worker runs: the real delivery workflow, plus a stand-in for the
// interpreter that publishes through the activity, as the interpreter will.
export { webhookDelivery } from '../../../../workflows/webhook-delivery';

export async function publishThroughActivity(event: CaseEvent): Promise<string> {
  const { publishCaseEvent } = proxyActivities<WebhookActivities>({ startToCloseTimeout: '30 seconds' });
  return (await publishCaseEvent(event)).eventId;
}
