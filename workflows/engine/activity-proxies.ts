import { isCancellation, proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { CaseActivities } from '../activity-types';

const retry: RetryPolicy = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' };

/**
 * The activities as the workflow calls them. Retried without limit: a notification, a rule set or a
 * ledger that is down (or not configured yet) keeps the case in its step until it is back.
 */
export const acts = proxyActivities<CaseActivities>({ startToCloseTimeout: '1 minute', retry });

/** The look-ups a case makes of its municipality's rule sets and of process definitions. */
export type Lookups = Pick<CaseActivities, 'evaluateDecision' | 'resolveDefinition'>;

// One attempt, then the activity: a look-up that fails (a rule set not published yet, a store that is
// down) must not be retried in the worker, where it would hold the workflow task open — heartbeated,
// so more tasks, not fewer — and keep a shutting-down worker waiting for it.
const localOnce = proxyLocalActivities<Lookups>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

/**
 * The same look-ups as local activities first (cases with PATCH_AT_START_3): they read the store
 * and compute, in milliseconds, so they run in the worker beside the case and their result is
 * recorded as a marker in the workflow task that asked — no activity task on the server and no
 * extra workflow task for its completion. When the one local attempt fails, the activity takes
 * over with its own retries, exactly as before (the case waits in its step, the server retries).
 */
export const localLookups: Lookups = {
  evaluateDecision: (req) => localOnce.evaluateDecision(req).catch(orActivity(() => acts.evaluateDecision(req))),
  resolveDefinition: (req) => localOnce.resolveDefinition(req).catch(orActivity(() => acts.resolveDefinition(req))),
};

function orActivity<T>(activity: () => Promise<T>): (err: unknown) => Promise<T> {
  return (err) => (isCancellation(err) ? Promise.reject(err) : activity());
}

export type { CaseActivities } from '../activity-types';
