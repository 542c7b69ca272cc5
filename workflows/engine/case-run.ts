import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import type { CaseEvent, CaseInput, CaseState, HistoryEntry } from '../case-state';
import { compilePayloadSchema } from '../dsl/payload-validators';
import { toIssues } from '../dsl/schema-issues';
import { calendarDayOf, type CaseScope } from '../dsl/references';
import { expectedEvent } from '../dsl/declarations';
import type { ProcessDefinition, ProcessNode, WaitNode } from '../dsl/schema';
import { checkDecisionInput } from './check-decision-input';
import { toIsoInstant } from './deadlines';
import { CONFIRM_EVENT } from './decision-events';
import { sharedDefinition } from './definition-pool';
import { acts, localLookups, type Lookups } from './activity-proxies';
import { learnSubscriptions } from './case-events';
import { EventInbox } from './event-inbox';
import { keepStartPatch3 } from './patches-at-start';
import { publishSearchAttributes } from './publish-search-attributes';

/** A fresh case state, or the state a previous run handed over (continue-as-new). */
function initialState(input: CaseInput, now: Date): CaseState {
  if (input.resume) return { ...input.resume.state, runs: input.resume.state.runs + 1 };
  const { definition } = input;
  const dates: Record<string, string> = { caseStarted: now.toISOString() };
  for (const [date, prop] of Object.entries(definition.inputDates ?? {})) {
    if (input.data[prop] !== undefined) dates[date] = toIsoInstant(input.data[prop], now);
  }
  return {
    caseId: workflowInfo().workflowId,
    tenant: input.tenant,
    caseRef: input.caseRef,
    processId: definition.id,
    processVersion: definition.version,
    status: 'running',
    currentStep: null,
    expectedEvents: [],
    data: input.data,
    variables: {},
    dates,
    deadlines: [],
    history: [],
    decisions: [],
    children: [],
    placements: [],
    ...(input.parent ? { parentCaseId: input.parent.caseId } : {}),
    runs: 0,
    historyDropped: 0,
  };
}

/** The answers to the start patches, asked once in the case's first workflow task (interpreter.ts). */
export interface StartPatches {
  /** Start patch 3: look-ups as local activities, a linked case starting with the subscriptions. */
  fewerTasks?: boolean;
  /** Start patch 4: the case-deadline watcher keeps its timer while the earliest deadline stays. */
  steadyDeadlineTimer?: boolean;
  /** Start patch 5: subscriptions learnt from the events the server sends (EventContext). */
  subscriptionsFromEvents?: boolean;
  /** Start patch 6: the calendar day of an instant is the day in the Netherlands. */
  dutchDays?: boolean;
}

/** Everything the node runners share about one run of a case. */
export class CaseRun {
  readonly definition: ProcessDefinition;
  readonly nodes: ReadonlyMap<string, ProcessNode>;
  readonly state: CaseState;
  readonly inbox = new EventInbox();
  /** Bumped whenever dates or the status change, to wake the case-deadline watcher. */
  changes = 0;

  readonly input: CaseInput;
  /**
   * The start patch 3's answer, asked once in the first workflow task (patches-at-start.ts): the
   * look-ups run as local activities and a linked case starts knowing the subscriptions.
   */
  readonly fewerTasks: boolean;
  /** Rule-set and definition look-ups: local activities for cases with start patch 3, else activities. */
  readonly lookups: Lookups;

  /** The start patch 4's answer: the case-deadline watcher keeps its timer across changes (watch-case-deadlines.ts). */
  readonly steadyDeadlineTimer: boolean;

  /** The start patch 5's answer: the case learns its municipality's subscriptions from the events the server sends. */
  readonly subscriptionsFromEvents: boolean;

  /** The start patch 6's answer: the calendar day of an instant is the Dutch day (calendarDay). */
  readonly dutchDays: boolean;

  constructor(input: CaseInput, startPatches: StartPatches = {}) {
    const {
      fewerTasks = false,
      steadyDeadlineTimer = false,
      subscriptionsFromEvents = false,
      dutchDays = false,
    } = startPatches;
    // A running case's snapshot may be in format version 1; the upgrade is pure, so every replay
    // reads the same version 2 (and a version-2 snapshot comes back as it is). Cases with the same
    // snapshot share one frozen copy of it, upgraded and indexed once (definition-pool.ts); the
    // input the SDK decoded for this case is pointed at it too, so the case's own copy is garbage
    // (the SDK keeps the workflow's arguments for as long as the run lasts). Same content, so
    // continue-as-new and subprocesses hand on exactly what they did.
    const shared = sharedDefinition(input.definition);
    input.definition = shared.snapshot as ProcessDefinition;
    this.input = input;
    this.fewerTasks = fewerTasks;
    this.steadyDeadlineTimer = steadyDeadlineTimer;
    this.subscriptionsFromEvents = subscriptionsFromEvents;
    this.dutchDays = dutchDays;
    this.lookups = fewerTasks ? localLookups : acts;
    this.definition = shared.definition;
    this.nodes = shared.nodes;
    this.state = initialState(input, this.now());
    keepStartPatch3(this.state, fewerTasks);
    this.inbox.install(
      () => this.state,
      (event) => this.checkEvent(event, true),
      // Only in the update's handler (an accepted update is in the history; a refused one is not).
      (context) => {
        if (this.subscriptionsFromEvents) learnSubscriptions(this, context?.caseEvents);
      },
    );
  }

  now(): Date {
    return new Date(Date.now());
  }

  record(entry: Omit<HistoryEntry, 'at'>): void {
    this.state.history.push({ at: this.now().toISOString(), ...entry });
  }

  publish(): void {
    const wait = this.currentWait();
    const timeout = wait
      ? this.state.deadlines.find((d) => d.kind === 'timeout' && d.nodeId === wait.id && d.status === 'pending')
      : undefined;
    publishSearchAttributes(this.state, {
      start: wait?.timeout ? this.state.dates[wait.timeout.at.from] : undefined,
      timeout: timeout?.at,
    });
  }

  touch(): void {
    this.changes += 1;
  }

  scope(): CaseScope {
    return {
      data: this.state.data,
      variables: this.state.variables,
      dates: this.state.dates,
      parameters: this.definition.parameters ?? {},
      ...(this.dutchDays ? { dutchDays: true } : {}),
    };
  }

  /** The calendar day (YYYY-MM-DD) of a case date: the Dutch day with start patch 6, else the UTC day. */
  calendarDay(iso: string): string {
    return calendarDayOf(iso, this.dutchDays);
  }

  currentWait(): WaitNode | undefined {
    const node = this.state.currentStep ? this.nodes.get(this.state.currentStep) : undefined;
    return node?.kind === 'wait' ? node : undefined;
  }

  /**
   * Why an event cannot be accepted now, or undefined when it can. `inTransit`: the case is between
   * waiting points (just started, in a task or a decision) — the event is queued and checked again
   * at the next waiting point, so a caller who sends it right after the start is not refused.
   */
  checkEvent(event: CaseEvent, inTransit = false): ApplicationFailure | undefined {
    const wait = this.currentWait();
    const current = this.state.currentStep ? this.nodes.get(this.state.currentStep) : undefined;
    const pending = this.state.pendingDecision;
    if (pending && this.state.status === 'running' && current?.kind === 'decision' && current.id === pending.nodeId) {
      return checkDecisionInput(this.definition, current, pending, event);
    }
    if (event.name === CONFIRM_EVENT) {
      return ApplicationFailure.create({
        type: 'DECISION_NOT_PENDING',
        message: 'No decision of this case waits for confirmation now.',
        nonRetryable: true,
      });
    }
    if (
      inTransit &&
      !wait &&
      this.state.status === 'running' &&
      current?.kind !== 'subprocess' &&
      current?.kind !== 'end'
    )
      return undefined;
    if (this.state.status !== 'running' || !wait) {
      return ApplicationFailure.create({
        type: 'CASE_NOT_WAITING',
        message: 'The case is not waiting for events now.',
        nonRetryable: true,
      });
    }
    const spec = expectedEvent(this.definition, wait, event.name);
    if (!spec) {
      return ApplicationFailure.create({
        type: 'EVENT_NOT_EXPECTED',
        message: `Event "${event.name}" is not expected in step "${wait.id}"; expected: ${wait.events.map((e) => e.name).join(', ')}.`,
        details: [{ step: wait.id, expected: wait.events.map((e) => e.name) }],
        nonRetryable: true,
      });
    }
    const validate = compilePayloadSchema(spec.payloadSchema);
    if (!validate(event.payload)) {
      const issues = toIssues(validate.errors, '/payload');
      return ApplicationFailure.create({
        type: 'INVALID_PAYLOAD',
        message: `Payload of "${event.name}" is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        details: [{ issues }],
        nonRetryable: true,
      });
    }
    return undefined;
  }
}
