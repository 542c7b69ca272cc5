import { TemporalUnavailableError } from '../../platform/errors';

/**
 * While a case's workflow task is being retried, the Temporal server refuses updates and queries
 * on it: `9 FAILED_PRECONDITION` "Unable to perform workflow execution update due to Workflow Task
 * in failed state" (and "Cannot query workflow due to Workflow Task in failed state"). On a loaded
 * machine a workflow task times out now and then (the worker held it longer than its 10 s), and
 * the next attempt clears the state within seconds. Before this was handled, such a refusal
 * escaped as `500 INTERNAL` (seen in the fault suite's placements at load 25–36, issue 13).
 * Likewise an update the server rejects as "not processed by worker" (its workflow task was lost).
 */
export function isWorkflowTaskFailing(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth += 1) {
    const grpc = e as { code?: unknown; details?: unknown; message?: unknown; cause?: unknown };
    const text = `${typeof grpc.details === 'string' ? grpc.details : ''} ${typeof grpc.message === 'string' ? grpc.message : ''}`;
    if (grpc.code === 9 && /workflow task in failed state/i.test(text)) return true;
    // The server lost the workflow task that carried the update (e.g. the embedded dev server was
    // killed and restarted under it) and rejects it unprocessed: nothing was applied, safe to send
    // again. Seen in the fault suite as a 500 on one event of a burst during kill -9 of the dev server.
    if (/wasn't processed by worker/i.test(text)) return true;
    e = grpc.cause;
  }
  return false;
}

/** 503 with Retry-After: Temporal answers, but the case's workflow task is still being retried. Nothing was applied. */
export class CaseTaskRetryingError extends TemporalUnavailableError {
  constructor(readonly caseId: string) {
    super();
    this.message =
      `De procesmotor verwerkt de vorige stap van zaak ${caseId} opnieuw (overbelast of vertraagd); er is niets ` +
      `toegepast. Probeer het na Retry-After seconden opnieuw (the case's workflow task is being retried after a ` +
      `failure or timeout; nothing was applied; retry after Retry-After seconds).`;
  }
}

/**
 * Runs `fn` (an update or query, refused as a whole while the workflow task fails: safe to send
 * again) and repeats it with backoff while the server refuses it so, for at most `budgetMs`; then
 * answers 503 CaseTaskRetryingError. Any other outcome is `fn`'s own.
 */
export async function whileWorkflowTaskFails<T>(
  caseId: string,
  fn: () => Promise<T>,
  opts: { budgetMs?: number; onRefused?: (attempt: number) => void } = {},
): Promise<T> {
  const budgetMs = opts.budgetMs ?? 6_000;
  const until = Date.now() + budgetMs;
  let delay = 100;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (err) {
      if (!isWorkflowTaskFailing(err)) throw err;
      opts.onRefused?.(attempt);
      if (Date.now() + delay > until) throw new CaseTaskRetryingError(caseId);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(1_000, delay * 2);
    }
  }
}
