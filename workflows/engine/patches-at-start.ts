import { patched } from '@temporalio/workflow';
import type { CaseState } from '../case-state';

/**
 * One patch, asked in a case's first workflow task, that stands for every patch the engine asks
 * later in a run (decision confirmation, continue-as-new, the subprocess reference check, the
 * cancellation state). Why: during replay the SDK knows a patch marker only while it replays the
 * workflow task that recorded it. A `patched()` asked right after a local activity can be recorded
 * live in the task after the one in which replay resolves that activity, and the replay then says
 * "no" where the live run said "yes" (TMPRL1100, seen on a recorded housing case: the decision's
 * patch marker one task after a `publishCaseEvent` marker). With this patch in the first task,
 * a case started from here on asks no patch later, so that cannot happen to it. Cases recorded
 * before it keep asking the old ids where they asked them.
 */
export const PATCH_AT_START = 'doorstroom-patches-at-start';

/** `state`: the run's, once it exists — a case with start patch 3 has this one without asking. */
export function patchesAtStart(state?: CaseState): boolean {
  return (state !== undefined && startPatch3On(state)) || patched(PATCH_AT_START);
}

/**
 * The second start patch, for what was added after the first: it stands for the `case.cancelled`
 * publication when a case is cancelled (the ZGW write-back closes its zaak on it). Cases started
 * before it (with or without the first) are cancelled as before, publishing nothing.
 */
export const PATCH_AT_START_2 = 'doorstroom-patches-at-start-2';

export function patchesAtStart2(): boolean {
  return patched(PATCH_AT_START_2);
}

/**
 * The third start patch (issue 13): a new case's opening in fewer workflow tasks. It stands for
 * the look-ups a case makes of its rule sets and process definitions (evaluateDecision,
 * resolveDefinition) run as local activities, recorded as a marker in the workflow task that asked
 * — each was an activity task plus one more workflow task — and for a linked case started knowing
 * the municipality's subscriptions, as a subprocess does. It also stands for the three patches a
 * case asked at its start before it (PATCH_AT_START, PATCH_AT_START_2, PATCH_EVENT_PATH): the SDK
 * records a marker and upserts its TemporalChangeVersion search attribute for every patch id a new
 * case meets, so a new case records one marker and one upsert instead of three of each.
 *
 * Asked first, once, in the first workflow task; the answer is kept per run (keyed by the run's
 * state object) and never asked again: asked later, live, the SDK would say true to a case started
 * before it, possibly right after a local activity (see PATCH_AT_START).
 */
export const PATCH_AT_START_3 = 'doorstroom-patches-at-start-3';

// The runs (their state objects) whose case answered yes to start patch 3 in its first task.
const withStartPatch3 = new WeakSet<CaseState>();

export function patchesAtStart3(): boolean {
  return patched(PATCH_AT_START_3);
}

/** Keeps a run's answer to start patch 3 (CaseRun's constructor). */
export function keepStartPatch3(state: CaseState, on: boolean): void {
  if (on) withStartPatch3.add(state);
}

export function startPatch3On(state: CaseState): boolean {
  return withStartPatch3.has(state);
}

/**
 * The fourth start patch (issue 13): the case-deadline watcher keeps its timer while the earliest
 * pending deadline stays the same. Before it, every change of a case (an accepted event, a date
 * set) cancelled the watcher's timer and started a new one on the same instant — two history
 * events and a timer row written and deleted per event, for nothing. It stands for start patch 3
 * (and so for those before it): a new case records this one marker in its first workflow task.
 * Asked first, once, like start patch 3; cases started before it keep their old timers.
 */
export const PATCH_AT_START_4 = 'doorstroom-patches-at-start-4';

export function patchesAtStart4(): boolean {
  return patched(PATCH_AT_START_4);
}

/**
 * The fifth start patch (issue 13): the case takes what the municipality subscribes to from the
 * events the server sends it (the update's EventContext), when that is newer than what it knew.
 * Before it, a case that had not published for 10 minutes (TRUST_SUBSCRIPTIONS_MS) asked the store
 * through a `publishCaseEvent` local activity at its next step — for a real case, whose events are
 * days apart, at every event; at 10,000 cases in bench:workflows one local activity per event, and
 * a second workflow activation per event task waiting behind every other case's. It stands for
 * start patch 4 (and so for those before it); cases started before it ignore the context.
 */
export const PATCH_AT_START_5 = 'doorstroom-patches-at-start-5';

export function patchesAtStart5(): boolean {
  return patched(PATCH_AT_START_5);
}

/**
 * The sixth start patch: a case reads the calendar day of an instant (its start, a date set from
 * workflow time) as the day in the Netherlands (rules/dates.ts dutchDay), not the UTC day. Before it,
 * a case started between 22:00/23:00 and 24:00 UTC took the day before as its peildatum — a rule set
 * published that evening (in force from that Dutch day) was not yet in force for it, and its decision
 * waited; a placement counted at 23:30 UTC on 31 December went into the half-year before. It applies
 * to decision peildata, facts and conditions read from case dates, the input of linked cases and the
 * day a placement is counted on. It stands for start patch 5 (and so for those before it); cases
 * started before it keep the UTC day (their recorded decisions name the peildatum they used).
 */
export const PATCH_AT_START_6 = 'doorstroom-patches-at-start-6';

export function patchesAtStart6(): boolean {
  return patched(PATCH_AT_START_6);
}

/** The one marker a case started now records (tests check a new case records only this one). */
export const NEWEST_START_PATCH = PATCH_AT_START_6;
