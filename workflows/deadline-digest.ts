import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { AlertActivities } from './activity-types';
import type { DeadlineDigestInput, DeadlineDigestResult } from './digest-input';

/**
 * Sends one deadline digest of one municipality: started by the municipality's Temporal
 * Schedule (deadline-digest-<tenant>) or by an admin's send-now. The workflow id is the digest
 * id (the log entry's and the Doorstroom-Event-Id header's). A receiver that fails is tried
 * again `attempts` times, `retryIntervalMs` apart; store or Temporal trouble inside an attempt
 * is the activity's own retry.
 */
export async function deadlineDigest(input: DeadlineDigestInput): Promise<DeadlineDigestResult> {
  const { sendDeadlineDigest } = proxyActivities<AlertActivities>({
    startToCloseTimeout: '2 minutes',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
  });
  const digestId = workflowInfo().workflowId;
  const attempts = Math.max(1, input.attempts);
  let result: DeadlineDigestResult | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    result = await sendDeadlineDigest({
      digestId,
      tenant: input.tenant,
      trigger: input.trigger,
      requestedBy: input.requestedBy,
      attempt,
      final: attempt === attempts,
    });
    if (result.status !== 'pending') return result;
    await sleep(input.retryIntervalMs);
  }
  return result as DeadlineDigestResult;
}
