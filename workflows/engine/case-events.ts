import { ActivityFailure, ApplicationFailure, log, patched, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities, CaseEventMessage } from '../activity-types';
import { CASE_EVENT_TYPES, INVALID_EVENT, isCaseEventType, type CaseEventSubscriptions } from '../case-event';
import type { CaseInput, CaseState } from '../case-state';
import { eventPathOn } from './event-path-patch';

// A local activity: publishing only writes a few rows and starts delivery workflows, so it runs in
// the worker beside the case, without a task-queue round trip for every step of every case.
const local = proxyLocalActivities<Pick<CaseActivities, 'publishCaseEvent'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Cases recorded before case events existed replay without these activity calls. */
export const CASE_EVENTS_PATCH = 'doorstroom-case-events';
// The first cases of the cheap event path had an id per change; they replay with them.
const PATCH_CASE_STARTED_EVENT = 'doorstroom-case-started-event';
const PATCH_CASE_EVENTS_WHERE_SUBSCRIBED = 'doorstroom-case-events-where-subscribed';

/**
 * How long a case trusts what it knows of its municipality's subscriptions before it asks again
 * (by publishing the next event anyway). Bounds how late a new subscription hears of a running
 * case: within 10 minutes of workflow time, at that case's next event.
 */
export const TRUST_SUBSCRIPTIONS_MS = 10 * 60_000;

/** What `emitCaseEvent` needs of a run (not the whole CaseRun: no import cycle through the engine). */
export interface CaseEventSource {
  readonly state: CaseState;
  readonly input: CaseInput;
  now(): Date;
}

// Keyed by the run's state object: what the last publication said, else what the input said.
const known = new WeakMap<CaseState, CaseEventSubscriptions>();

/**
 * Whether this case publishes case events. Call sites test it before awaiting `emitCaseEvent`:
 * even an await of nothing yields to the other coroutine, which would reorder the commands of
 * cases recorded before the patch.
 */
export function caseEventsOn(state: CaseState): boolean {
  return eventPathOn(state) || patched(CASE_EVENTS_PATCH);
}

/** Whether case.started comes from the case itself (earlier cases had it from the server). */
export function caseStartedEventOn(state: CaseState): boolean {
  return eventPathOn(state) || (patched(CASE_EVENTS_PATCH) && patched(PATCH_CASE_STARTED_EVENT));
}

/** Subscriptions told by the server are checked before a case trusts them: a bounded list of known types. */
function isSubscriptions(value: unknown): value is CaseEventSubscriptions {
  if (typeof value !== 'object' || value === null) return false;
  const { types, asOf } = value as Partial<CaseEventSubscriptions>;
  return (
    Array.isArray(types) &&
    types.length <= CASE_EVENT_TYPES.length &&
    types.every((t) => typeof t === 'string' && isCaseEventType(t)) &&
    typeof asOf === 'string' &&
    Number.isFinite(Date.parse(asOf))
  );
}

/**
 * What the server told a case (start patch 5) of its municipality's subscriptions, beside an
 * event it sent: taken when newer than what the case knew. A look-up stamped later than the
 * case's own clock (the server's clock a little ahead of Temporal's) counts as made now, so it
 * is trusted for the same 10 minutes as the case's own. Pure: what it keeps depends only on the
 * history (the update's arguments and workflow time), so a replay learns the same.
 */
export function learnSubscriptions(run: CaseEventSource, told: unknown): void {
  if (!isSubscriptions(told)) return;
  const at = Math.min(Date.parse(told.asOf), run.now().getTime());
  const current = known.get(run.state) ?? run.input.caseEvents;
  if (current && Date.parse(current.asOf) > at) return;
  known.set(run.state, { types: [...told.types], asOf: new Date(at).toISOString() });
}

/** True when the case knows, recently enough, that nobody subscribed to this type. */
function nobodyListens(run: CaseEventSource, type: CaseEventMessage['type']): boolean {
  const subscriptions = known.get(run.state) ?? run.input.caseEvents;
  if (!subscriptions || subscriptions.types.includes(type)) return false;
  const age = run.now().getTime() - Date.parse(subscriptions.asOf);
  return age >= 0 && age < TRUST_SUBSCRIPTIONS_MS;
}

/**
 * Tells webhook subscribers what happened, with references only. The id is fixed by the case's
 * own history (run and entry number), so a retried activity publishes the same event once. A
 * municipality without subscriptions to the type costs nothing: no activity, no command.
 */
export async function emitCaseEvent(
  run: CaseEventSource,
  type: CaseEventMessage['type'],
  extra: Pick<CaseEventMessage, 'step' | 'outcome' | 'deadline' | 'decision'> & { id?: string } = {},
): Promise<void> {
  // Cases recorded before it published every event, subscribed or not; their replays still do.
  const whereSubscribed = eventPathOn(run.state) || patched(PATCH_CASE_EVENTS_WHERE_SUBSCRIBED);
  if (whereSubscribed && nobodyListens(run, type)) return;
  const { state } = run;
  const { id, ...references } = extra;
  const event: CaseEventMessage = {
    id: id ?? `${state.caseId}:${state.runs}:${state.history.length}:${type}`,
    type,
    tenant: state.tenant,
    caseId: state.caseId,
    processId: state.processId,
    step: state.currentStep ?? undefined,
    occurredAt: run.now().toISOString(),
    ...references,
  };
  let publication: Awaited<ReturnType<typeof local.publishCaseEvent>>;
  try {
    publication = await local.publishCaseEvent(event);
  } catch (err) {
    // The publisher refused the event itself (not a store that is down: that is retried): the case
    // goes on without it rather than wait in its step for ever. Only the references are logged.
    const refused = refusal(err);
    if (!refused) throw err;
    log.warn('case event refused by the publisher', { caseId: state.caseId, type, reason: refused.message });
    return;
  }
  // Results recorded by older workers carry no subscriptions (or nothing at all).
  if (whereSubscribed && Array.isArray(publication?.subscribedTypes)) {
    known.set(state, { types: publication.subscribedTypes, asOf: run.now().toISOString() });
  }
}

/**
 * A publication the publisher refused as invalid (non-retryable, `INVALID_EVENT`). A local
 * activity's failure reaches the workflow as the activity's own ApplicationFailure (no
 * ActivityFailure around it, unlike a normal activity's); both are recognised.
 */
function refusal(err: unknown): ApplicationFailure | undefined {
  const failure = err instanceof ActivityFailure ? err.cause : err;
  return failure instanceof ApplicationFailure && failure.type === INVALID_EVENT ? failure : undefined;
}
