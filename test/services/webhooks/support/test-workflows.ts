import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities, CaseEventMessage } from '../../../../workflows/activity-types';

// The bundle the test worker runs: the real delivery workflow, plus a stand-in for the
// interpreter that publishes through the activity, as the interpreter will.
export { webhookDelivery } from '../../../../workflows/webhook-delivery';

export async function publishThroughActivity(event: CaseEventMessage): Promise<string> {
  const { publishCaseEvent } = proxyActivities<Pick<CaseActivities, 'publishCaseEvent'>>({
    startToCloseTimeout: '30 seconds',
  });
  return (await publishCaseEvent(event)).eventId;
}
