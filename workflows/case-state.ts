import type { CaseEventSubscriptions } from './case-event';
import type { ProcessDefinition } from './dsl/schema';

/** What a case starts with: the definition snapshot keeps a running case on its own version. */
export interface CaseInput {
  tenant: string;
  /** The caller's own reference (pseudonymous, never a BSN). */
  caseRef: string;
  definition: ProcessDefinition;
  /** Case data as validated against the definition's inputSchema; may hold personal data. */
  data: Record<string, unknown>;
  /** Set when another case started this one as a subprocess. */
  parent?: { caseId: string; nodeId: string };
  /** Set by continue-as-new only: where the previous run stopped, with everything it knew. */
  resume?: { state: CaseState; nodeId: string };
  /** Continue as new once the run's history has this many events (default in continue-as-new.ts). */
  historyLimit?: number;
  /** The municipality's webhook subscriptions at start; absent: the case asks at its first case event. */
  caseEvents?: CaseEventSubscriptions;
}

export type CaseStatus = 'running' | 'completed' | 'cancelled';

export interface Deadline {
  id: string;
  /** `case` deadlines span steps (declared on the definition); the others belong to one wait step. */
  kind: 'reminder' | 'timeout' | 'case';
  /** The wait step, or for a case deadline the step the case was in when it was settled. */
  nodeId: string;
  label: string;
  at: string;
  status: 'pending' | 'done' | 'cancelled' | 'met' | 'missed';
}

export type HistoryEntryType =
  | 'case-started'
  | 'step-entered'
  | 'event-accepted'
  | 'event-rejected'
  | 'reminder'
  | 'timeout'
  | 'task'
  | 'decision'
  | 'subprocess-started'
  | 'subprocess-ended'
  | 'deadline-met'
  | 'deadline-missed'
  | 'continued-as-new'
  | 'cancelled'
  | 'completed';

export interface HistoryEntry {
  at: string;
  type: HistoryEntryType;
  nodeId?: string;
  event?: string;
  detail?: string;
}

/** What a decision step records (Awb): which rule-set version on which peildatum, the facts, the events and why. */
export interface DecisionRecord {
  nodeId: string;
  at: string;
  ruleSetKind: string;
  ruleSetId: string;
  ruleSetVersion: number;
  peildatum: string;
  /** The facts the case supplied. */
  facts: Record<string, unknown>;
  events: Array<{ type: string; params?: Record<string, unknown> }>;
  /** The rules core's explanation: per rule and condition, held or failed, with actual values. */
  explanation: unknown;
  /** The branch taken: the event type that chose it, or null for the default. */
  branch: string | null;
  next: string;
  /**
   * Absent on records made before confirmation existed (the outcome was applied at once).
   * `proposed`: the rules' outcome waits for a case handler; `incomplete`: needed facts are unknown
   * (onvolledig), the case waits for them; `confirmed`: a person took the decision;
   * `automatic`: procedural routing without legal effect (confirmation `none`).
   */
  status?: DecisionStatus;
  /** What the rules proposed; `branch`/`next` above hold the final decision once confirmed. */
  proposal?: { branch: string | null; next: string };
  /** Needed facts that were unknown (status `incomplete`), by catalog name. */
  missingFacts?: string[];
  /** Who took the decision (AVG art. 22), when, and why when it deviates from the proposal. */
  confirmation?: DecisionConfirmation;
  /** The beschikking rendered from this record, stored with its hash. */
  besluit?: { id: string; sha256: string; createdAt: string };
}

/** What a decision step is waiting for; the decision record itself is the last entry of `decisions`. */
export interface PendingDecision {
  nodeId: string;
  phase: 'facts' | 'confirmation';
  /** The event that moves it on: `gegevens-aanvullen`, or the confirmation that only the confirm update sends. */
  event: string;
  /** Phase `facts`: the needed facts that are unknown. */
  missingFacts?: string[];
  /** Phase `confirmation`: what the rules propose. */
  proposal?: { branch: string | null; next: string };
  /** The branches a case handler may choose (null: the default branch). */
  options?: Array<{ branch: string | null; next: string }>;
  since: string;
}

export type DecisionStatus = 'proposed' | 'incomplete' | 'confirmed' | 'automatic';

/** The person who confirms or overrides a proposal: a user of the municipality with the role behandelaar. */
export interface DecisionActor {
  userId: string;
  username: string;
  displayName?: string;
}

/** What the confirm update carries: the decision step, the branch chosen (null: the default) and, when deviating, why. */
export interface DecisionConfirmationRequest {
  nodeId: string;
  branch: string | null;
  reason?: string;
  by: DecisionActor;
}

export interface DecisionConfirmation {
  by: DecisionActor;
  at: string;
  /** The branch chosen (event type, or null for the default branch). */
  branch: string | null;
  next: string;
  deviated: boolean;
  /** Required when deviating: why the proposal was not followed (Awb 3:46). */
  reason?: string;
}

/** A case this case started as a subprocess; events for it go to its own case id. */
export interface ChildCase {
  caseId: string;
  nodeId: string;
  processId: string;
  processVersion: number;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  outcome?: string;
}

/** A placement counted for the taakstelling by a count-placement task. */
export interface PlacementRecord {
  nodeId: string;
  municipality: string;
  placedOn: string;
  halfYear: string;
  scheme?: string;
  /** False when the ledger already had it (a retry): it is counted once. */
  recorded: boolean;
}

export interface CaseState {
  caseId: string;
  tenant: string;
  caseRef: string;
  processId: string;
  processVersion: number;
  status: CaseStatus;
  currentStep: string | null;
  expectedEvents: string[];
  caseStatus?: string;
  outcome?: string;
  data: Record<string, unknown>;
  variables: Record<string, unknown>;
  dates: Record<string, string>;
  deadlines: Deadline[];
  history: HistoryEntry[];
  decisions: DecisionRecord[];
  children: ChildCase[];
  placements: PlacementRecord[];
  parentCaseId?: string;
  /** Set while a decision step waits for a person: for missing facts (gegevens aanvullen) or for confirmation. */
  pendingDecision?: PendingDecision;
  /** Facts supplied by hand in a decision step (gegevens aanvullen), per decision node; they complete the mapped facts. */
  suppliedFacts?: Record<string, Record<string, unknown>>;
  /** How many runs came before this one (continue-as-new) and how many old history entries were dropped. */
  runs: number;
  historyDropped: number;
}

/** An event sent to a case: a name the current step expects and a payload matching its schema. */
export interface CaseEvent {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * What the server adds when it sends an event or a confirmation to a case — not the sender's (an
 * integrator's body is the CaseEvent alone). The update's second argument, optional: updates sent
 * before it existed have none, and a case that gets none asks for itself, as before.
 */
export interface EventContext {
  /**
   * The municipality's case-event subscriptions as the server looked them up when it sent this: a
   * case with start patch 5 takes them as what it knows (engine/case-events.ts), so the event's
   * workflow task need not ask the store through a local activity because the case last heard more
   * than 10 minutes ago — which for a real case, whose events are days apart, is every event.
   */
  caseEvents?: CaseEventSubscriptions;
}

export interface EventResult {
  accepted: true;
  event: string;
  currentStep: string | null;
  status: CaseStatus;
  outcome?: string;
}

/** The interpreter workflow's signature (workflows/interpreter.ts), for starting and continuing cases by name. */
export type ProcessInterpreter = (input: CaseInput) => Promise<CaseState>;
