import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activity-types';

/**
 * The activities as the workflow calls them. Retried without limit: a notification, a rule set or a
 * ledger that is down (or not configured yet) keeps the case in its step until it is back.
 */
export const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export type { CaseActivities } from '../activity-types';
