import type { RulesIssue } from '../rules';
import type { CaseEventType, PublishedCaseEvent } from './case-event';
import type { DecisionRecord } from './case-state';
import type { DeadlineDigestResult, DigestTrigger } from './digest-input';
import type { ProcessDefinition } from './dsl/schema';
import type { WebhookDeliveryInput } from './webhook-delivery-input';
import type { ZgwNotificationActivities } from './zgw-notification-input';
import type { ZgwBesluitInput, ZgwCloseInput, ZgwStatusInput, ZgwWriteResult, ZgwZaakInput } from './zgw-sync-input';

/**
 * Every activity a Doorstroom workflow calls, by name: the contract between the workflows (which
 * import these types only) and the worker (which implements each name once, in its registry).
 */

/** A message about a case: references and codes only — receivers look up details with their rights. */
export interface Notification {
  tenant: string;
  caseId: string;
  processId: string;
  nodeId: string;
  kind: 'reminder' | 'task' | 'timeout' | 'deadline-missed';
  template: string;
  params?: Record<string, unknown>;
}

export interface DecisionRequest {
  tenant: string;
  caseId: string;
  nodeId: string;
  kind: string;
  /** YYYY-MM-DD: the version in force on this day judges the case. */
  peildatum: string;
  facts: Record<string, unknown>;
}

export interface DecisionOutcome {
  ruleSetId: string;
  ruleSetVersion: number;
  /**
   * `complete`: the events are the rules' proposal. `incomplete` (onvolledig): needed facts are
   * unknown or not of their type — listed in missingFacts, with the issues — and no events.
   * Absent on outcomes recorded before it existed.
   */
  status?: 'complete' | 'incomplete';
  missingFacts?: string[];
  factIssues?: RulesIssue[];
  events: Array<{ type: string; params?: Record<string, unknown> }>;
  explanation: unknown;
}

/** What a confirmed decision needs to become a besluit: the case's references and the decision record. */
export interface BesluitRequest {
  tenant: string;
  caseId: string;
  caseRef: string;
  processId: string;
  decision: DecisionRecord;
}

export interface IssuedBesluit {
  id: string;
  sha256: string;
  createdAt: string;
}

/** One placement counted for a municipality's taakstelling in a half-year. */
export interface PlacementCount {
  tenant: string;
  caseId: string;
  /** The counting step: together with caseId the idempotency key, so a retried activity counts once. */
  nodeId: string;
  municipality: string;
  /** YYYY-MM-DD */
  placedOn: string;
  /** e.g. 2026-H1 (see half-year.ts) */
  halfYear: string;
  scheme?: string;
}

/** A case event the interpreter publishes: its id is fixed by the case's own history. */
export type CaseEventMessage = PublishedCaseEvent & { id: string };

/** What publishing told the case: the deliveries started, and what its municipality subscribes to now. */
export interface CaseEventPublication {
  eventId: string;
  deliveries: number;
  /** The event types with at least one active subscription of the tenant (the case skips the others for a while). */
  subscribedTypes: CaseEventType[];
}

/** One attempt of one deadline digest. */
export interface DigestAttempt {
  digestId: string;
  tenant: string;
  trigger: DigestTrigger;
  requestedBy?: string;
  attempt: number;
  /** The last attempt: a failure is final and the log says failed, not pending. */
  final: boolean;
}

/** The case interpreter's activities. */
export interface CaseActivities {
  notify: (n: Notification) => Promise<void>;
  /** Evaluates the tenant's rule set of a kind, the version in force on the peildatum. */
  evaluateDecision: (req: DecisionRequest) => Promise<DecisionOutcome>;
  /** The besluit of a confirmed decision, rendered from the record and stored with its hash (undefined in histories from before issuing existed). */
  issueBesluit: (req: BesluitRequest) => Promise<IssuedBesluit | undefined>;
  /** The definition snapshot a subprocess starts with. */
  resolveDefinition: (req: { tenant: string; processId: string }) => Promise<ProcessDefinition>;
  /** Hands a case event to the webhook publisher (idempotent per event id). */
  publishCaseEvent: (event: CaseEventMessage) => Promise<CaseEventPublication>;
  /** Counts a placement for the taakstelling; idempotent on (caseId, nodeId). */
  recordPlacement: (p: PlacementCount) => Promise<{ recorded: boolean }>;
}

/** The webhook delivery workflow's activities. */
export interface WebhookActivities {
  /** One signed POST; throws (and Temporal retries with backoff) until the receiver answers 2xx. */
  deliverWebhook: (input: WebhookDeliveryInput) => Promise<{ statusCode: number }>;
  /** The retry budget is spent: the log says failed, with the last error. */
  markWebhookFailed: (input: { tenant: string; deliveryId: string; error: string }) => Promise<void>;
}

/** The deadline digest workflow's activities. */
export interface AlertActivities {
  sendDeadlineDigest: (run: DigestAttempt) => Promise<DeadlineDigestResult>;
}

/** The ZGW write-back's activities (workflows/zgw-sync.ts): each write looks up what it created before. */
export interface ZgwSyncActivities {
  /** case.started: creates the zaak, or links the one the case came from (caseRef `zgw-<uuid>`). */
  zgwEnsureZaak: (input: ZgwZaakInput) => Promise<ZgwWriteResult>;
  /** case.step-entered: sets the status of the step's statustype, if mapped. */
  zgwSetStatus: (input: ZgwStatusInput) => Promise<ZgwWriteResult>;
  /** besluit.created: registers the besluit and stores its PDF, linked to zaak and besluit. */
  zgwRegisterBesluit: (input: ZgwBesluitInput) => Promise<ZgwWriteResult>;
  /** case.completed: the resultaat and the eindstatus, which closes the zaak. */
  zgwCloseZaak: (input: ZgwCloseInput) => Promise<ZgwWriteResult>;
}

/** Every activity of the worker: the registry's shape. */
export type DoorstroomActivities = CaseActivities &
  WebhookActivities &
  AlertActivities &
  ZgwSyncActivities &
  ZgwNotificationActivities;
export type ActivityName = keyof DoorstroomActivities;
