import { patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CaseState } from '../case-state';
import {
  SA_CASE_REF,
  SA_NEXT_DEADLINE,
  SA_OUTCOME,
  SA_OVERDUE,
  SA_PROCESS,
  SA_PROCESS_VERSION,
  SA_STEP,
  SA_STEP_CLOCK_START,
  SA_STEP_TIMEOUT,
  SA_TENANT,
} from '../search-attributes';
import { eventPathOn } from './event-path-patch';

// Cases started before the version attribute existed replay their recorded upserts unchanged.
export const PATCH_SA_PROCESS_VERSION = 'doorstroom-sa-process-version';
export const PATCH_SA_OVERDUE = 'doorstroom-sa-overdue';
export const PATCH_SA_STEP_CLOCK = 'doorstroom-sa-step-clock';
// The first cases with one upsert per activation had an id of their own; they replay with it.
const PATCH_SA_ONE_UPSERT = 'doorstroom-sa-one-upsert';

/** The current step's time limit, when it has one: where its clock starts and when it ends. */
export interface StepClock {
  start?: string;
  timeout?: string;
}

type Attributes = Parameters<typeof upsertSearchAttributes>[0] & unknown[];
type Pair = { key: { name: string; type: string }; value: unknown };

// Per case (its state object): the step clock of the latest publish, and whether an upsert is queued.
const latestClock = new WeakMap<CaseState, StepClock>();
const queued = new WeakSet<CaseState>();

/**
 * Publishes the case's search attributes. Every publish in one workflow activation (a transition
 * may publish from the wait, the decision and the deadline watcher) ends in one upsert at the end
 * of it, holding only the attributes whose values changed: fewer commands and history events
 * per transition, and none at all when nothing changed.
 */
export function publishSearchAttributes(state: CaseState, clock: StepClock = {}): void {
  // Cases recorded before it upserted every attribute at every publish; their replays still do.
  if (!(eventPathOn(state) || patched(PATCH_SA_ONE_UPSERT))) {
    upsertSearchAttributes(caseSearchAttributes(state, clock, false));
    return;
  }
  latestClock.set(state, clock);
  if (queued.has(state)) return;
  queued.add(state);
  // A microtask runs before the activation completes, after the code that queued it has gone on.
  void Promise.resolve().then(() => {
    queued.delete(state);
    const changed = changedOnly(caseSearchAttributes(state, latestClock.get(state) ?? {}, eventPathOn(state)));
    if (changed.length > 0) upsertSearchAttributes(changed);
  });
}

/** The pairs whose value differs from what the workflow's search attributes hold now. */
function changedOnly(attributes: Attributes): Attributes {
  const current = workflowInfo().typedSearchAttributes;
  return (attributes as Pair[]).filter(({ key, value }) => {
    const now = current.get(key as Parameters<typeof current.get>[0]) as unknown;
    if (value === null || value === undefined) return now !== undefined;
    if (value instanceof Date) return !(now instanceof Date) || now.getTime() !== value.getTime();
    return now !== value;
  }) as Attributes;
}

/**
 * The search attributes of a case: references and codes only, never personal data. `all`: the
 * attributes added by later patches without asking for them (the event-path patch implies them).
 */
function caseSearchAttributes(state: CaseState, clock: StepClock, all: boolean): Attributes {
  const pending = state.deadlines
    .filter((d) => d.status === 'pending')
    .map((d) => d.at)
    .sort();
  const attributes = [
    { key: SA_TENANT, value: state.tenant },
    { key: SA_PROCESS, value: state.processId },
    { key: SA_CASE_REF, value: state.caseRef },
    { key: SA_STEP, value: state.currentStep ?? '' },
    { key: SA_NEXT_DEADLINE, value: pending[0] ? new Date(pending[0]) : null },
    { key: SA_OUTCOME, value: state.outcome ?? null },
  ] as Parameters<typeof upsertSearchAttributes>[0];
  if (all || patched(PATCH_SA_PROCESS_VERSION)) {
    (attributes as unknown[]).push({ key: SA_PROCESS_VERSION, value: String(state.processVersion) });
  }
  if (all || patched(PATCH_SA_OVERDUE)) {
    // A missed norm (e.g. 12 weeks from koppeling to moved) keeps a running case overdue until it ends.
    const missed = state.deadlines.some((d) => d.status === 'missed');
    (attributes as unknown[]).push({ key: SA_OVERDUE, value: state.status === 'running' && missed ? 'true' : null });
  }
  if (all || patched(PATCH_SA_STEP_CLOCK)) {
    // Lets the monitor count months of stay and placements ending from visibility alone.
    const running = state.status === 'running';
    (attributes as unknown[]).push(
      { key: SA_STEP_CLOCK_START, value: running && clock.start ? new Date(clock.start) : null },
      { key: SA_STEP_TIMEOUT, value: running && clock.timeout ? new Date(clock.timeout) : null },
    );
  }
  return attributes as Attributes;
}
