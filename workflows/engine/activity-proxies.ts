import { proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { CaseActivities } from '../activity-types';

const retry: RetryPolicy = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' };

/**
 * The activities as the workflow calls them. Retried without limit: a notification, a rule set or a
 * ledger that is down (or not configured yet) keeps the case in its step until it is back.
 */
export const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute', retry });

/** The look-ups a case makes of its municipality's rule sets and of process definitions. */
export type Lookups = Pick<CaseActivities, 'evaluateDecision' | 'resolveDefinition'>;

/**
 * The same look-ups as local activities (cases with PATCH_AT_START_3): they read the store and
 * compute, in milliseconds, so they run in the worker beside the case and their result is recorded
 * as a marker in the workflow task that asked — no activity task on the server and no extra
 * workflow task for its completion. The same retries: a rule set not published yet keeps the case
 * in its step (retries past a minute wait on a timer, as the SDK does for local activities).
 */
export const localLookups = proxyLocalActivities<Lookups>({ startToCloseTimeout: '1 minute', retry });

export type { CaseActivities } from '../activity-types';
