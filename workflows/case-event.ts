/**
 * The case events a municipality can subscribe to, and the body a receiver gets. Pure types and
 * functions: the delivery workflow imports the types, the server and activities the rest.
 *
 * A body carries references only (tenant, case id, process, step, outcome, deadline), never case
 * data: receivers fetch details through the API with their own rights (AVG data minimisation,
 * the same rule as the Notificaties API).
 */
export const CASE_EVENT_TYPES = [
  'case.started',
  'case.step-entered',
  'case.deadline-approaching',
  'case.deadline-passed',
  'case.completed',
  'case.cancelled',
  'decision.proposed',
  'decision.incomplete',
  'decision.confirmed',
  'besluit.created',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * The code with which the publisher refuses an event it can never accept (unknown type, a case of
 * another tenant, a malformed id or instant): the publishing activity fails non-retryably with it
 * as its type, and the case goes on without that one event (workflows/engine/case-events.ts).
 */
export const INVALID_EVENT = 'INVALID_EVENT';

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * What happened to a case, as the publisher gets it (outgoing; the `CaseEvent` of case-state.ts is
 * the opposite direction: an event sent *to* a case).
 */
export interface PublishedCaseEvent {
  /**
   * Stable id of this occurrence: publishing the same id twice delivers once per subscription.
   * Derive it from the case and its history (e.g. `${caseId}:step:${seq}`); when absent it is
   * derived from the other fields, so an identical event published twice is still one event.
   */
  id?: string;
  type: CaseEventType;
  tenant: string;
  caseId: string;
  processId: string;
  /** The step entered (case.step-entered) or the step the case is in. */
  step?: string;
  /** The outcome (case.completed). */
  outcome?: string;
  /** The deadline concerned (case.deadline-*). */
  deadline?: { id: string; at: string };
  /** The decision concerned (decision.*, besluit.created): the step, the branch and, once issued, the besluit's id. */
  decision?: DecisionReference;
  /** ISO-8601 instant of the occurrence (workflow time for interpreter events). */
  occurredAt: string;
}

/** The JSON a receiver gets: `id` equals the Doorstroom-Event-Id header. */
export interface WebhookBody {
  id: string;
  type: CaseEventType;
  occurredAt: string;
  tenant: string;
  data: {
    caseId: string;
    processId: string;
    step?: string;
    outcome?: string;
    deadline?: { id: string; at: string };
    decision?: DecisionReference;
  };
}

/** A decision by reference: codes only, never facts or reasons (the receiver reads those through the API). */
export interface DecisionReference {
  nodeId: string;
  /** The branch proposed (decision.proposed) or chosen (decision.confirmed); null for the default branch. */
  branch?: string | null;
  /** decision.confirmed: whether the case handler deviated from the proposal. */
  deviated?: boolean;
  /** besluit.created: download it at /api/v1/cases/{caseId}/besluiten/{besluitId}. */
  besluitId?: string;
}

/**
 * Builds the body from an event, copying only the known reference fields, so nothing else a
 * caller might attach (case data, names) can ever reach a receiver.
 */
export function webhookBody(event: PublishedCaseEvent & { id: string }): WebhookBody {
  const data: WebhookBody['data'] = { caseId: event.caseId, processId: event.processId };
  if (event.step !== undefined) data.step = event.step;
  if (event.outcome !== undefined) data.outcome = event.outcome;
  if (event.deadline !== undefined) data.deadline = { id: event.deadline.id, at: event.deadline.at };
  if (event.decision !== undefined) {
    const { nodeId, branch, deviated, besluitId } = event.decision;
    data.decision = {
      nodeId,
      ...(branch !== undefined ? { branch } : {}),
      ...(deviated !== undefined ? { deviated } : {}),
      ...(besluitId !== undefined ? { besluitId } : {}),
    };
  }
  return { id: event.id, type: event.type, occurredAt: event.occurredAt, tenant: event.tenant, data };
}

/**
 * What a case knows of its municipality's webhook subscriptions: the event types someone subscribed
 * to, as of an instant. Passed in a case's input at start and refreshed by every publication, so a
 * case whose municipality subscribed to nothing publishes nothing (no activity per transition).
 */
export interface CaseEventSubscriptions {
  types: CaseEventType[];
  /** ISO-8601 instant of the look-up. */
  asOf: string;
}

/** Event ids appear in workflow ids and headers: short, printable, no spaces. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;
