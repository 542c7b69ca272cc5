import { Type, type Static } from '@sinclair/typebox';
import type { CaseStatus as WorkflowCaseStatus } from '../workflows/case-state';
import { CaseId, Cursor, Ident, Instant, Limit, LocalText, MAX_FREE_FORM_PROPERTIES, NextCursor } from './common';

/** Request and response bodies of the case API: validated with ajv and described in OpenAPI from here. */

export const StartCaseBody = Type.Object(
  {
    // Generous: the shape (3–64 characters) is checked by the case service with its own code, INVALID_CASE_REF.
    caseRef: Type.String({
      maxLength: 1000,
      description:
        'Your own pseudonymous case reference (e.g. zaaknummer); starting twice with it gives the same case.',
      examples: ['ZAAK-2026-000123'],
    }),
    data: Type.Record(Type.String(), Type.Unknown(), {
      maxProperties: MAX_FREE_FORM_PROPERTIES,
      description: "Case data, checked against the process's input schema.",
    }),
  },
  { additionalProperties: false },
);
export type StartCaseBody = Static<typeof StartCaseBody>;

export const EventBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 63,
      description: 'An event the current step expects, e.g. hotel-geplaatst',
    }),
    payload: Type.Record(Type.String(), Type.Unknown(), {
      maxProperties: MAX_FREE_FORM_PROPERTIES,
      default: {},
      description: "The event's data, checked against its payload schema.",
    }),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

/** How a case stands in the interpreter: running, or ended with an outcome, or cancelled. */
export const CASE_STATUSES = ['running', 'completed', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatusSchema = Type.Union(
  CASE_STATUSES.map((s) => Type.Literal(s)),
  { description: 'running | completed | cancelled' },
);

/**
 * A case's workflow execution status as Temporal visibility lists it: the interpreter's statuses,
 * plus how Temporal itself can end a run.
 */
export const EXECUTION_STATUSES = [
  'running',
  'completed',
  'failed',
  'cancelled',
  'terminated',
  'continued_as_new',
  'timed_out',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
const FILTERABLE_STATUSES = ['running', 'completed', 'cancelled', 'terminated', 'failed', 'timed_out'] as const;
/** The statuses the case list filters on (GET /cases?status=…, saved filters). */
export const CaseStatusFilter = Type.Union(
  FILTERABLE_STATUSES.map((s) => Type.Literal(s)),
  { description: 'Case status' },
);

/**
 * The orders the case list offers across all its pages (services/cases/case-order.ts); a leading
 * minus is descending. Cases without a next deadline come last in both directions. Without
 * `sort`, Temporal's own order: running cases first, newest first.
 */
export const CASE_SORTS = ['nextDeadline', '-nextDeadline', 'startedAt', '-startedAt'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CaseSortSchema = Type.Union(
  CASE_SORTS.map((s) => Type.Literal(s)),
  {
    description:
      'Order of the whole list, page after page: nextDeadline | -nextDeadline | startedAt | -startedAt (minus: descending; cases without a deadline last)',
  },
);

export const ListCasesQuery = Type.Object(
  {
    processId: Type.Optional(Ident('Only cases of this process')),
    step: Type.Optional(Ident('Only cases now in this step')),
    status: Type.Optional(CaseStatusFilter),
    outcome: Type.Optional(Ident('Only cases that ended with this outcome, e.g. gehuisvest')),
    deadlineBefore: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 64, description: 'Next deadline before this instant' }),
    ),
    deadlineAfter: Type.Optional(
      Type.String({ format: 'date-time', maxLength: 64, description: 'Next deadline at or after this instant' }),
    ),
    overdue: Type.Optional(Type.Boolean({ description: 'Running cases whose next deadline has passed' })),
    sort: Type.Optional(CaseSortSchema),
    limit: Type.Optional(Limit(200, 50, 'Page size')),
    cursor: Type.Optional(Cursor),
  },
  { additionalProperties: false },
);
export type ListCasesQuery = Static<typeof ListCasesQuery>;

export const ProcessParams = Type.Object({
  processId: Ident('Process id, e.g. nareiziger-hotelverblijf', ['nareiziger-hotelverblijf']),
});
export const CaseParams = Type.Object({ caseId: CaseId });

export const CancelBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 2000,
      description: 'Why the case is cancelled (kept in the audit trail)',
    }),
  },
  { additionalProperties: false },
);
export type CancelBody = Static<typeof CancelBody>;

/** The Idempotency-Key header's allowed shape (IETF httpapi idempotency-key draft: an opaque string). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;
export const StartCaseHeaders = Type.Object({
  'Idempotency-Key': Type.Optional(
    Type.String({
      pattern: IDEMPOTENCY_KEY_PATTERN.source,
      maxLength: 200,
      description: 'Your key for this request; reusing it for another request within 24 hours is refused',
    }),
  ),
});
/** Events take the same header: a retry with the key answers the first result and applies nothing twice. */
export const SendEventHeaders = StartCaseHeaders;

// ---- responses ----

export const CaseStarted = Type.Object({
  caseId: Type.String({ examples: ['GM0363-nareiziger-hotelverblijf-3f2a9c0d1e4b5a6978c0d1e2'] }),
  created: Type.Boolean(),
});
export type CaseStarted = Static<typeof CaseStarted>;

/** A case as the case list shows it (Temporal visibility: no personal data). */
export const CaseSummary = Type.Object({
  caseId: Type.String(),
  processId: Type.String(),
  caseRef: Type.String(),
  step: Type.String(),
  stepLabel: Type.Optional(
    Type.Object(LocalText.properties, {
      additionalProperties: false,
      description: "The step's label in the definition version the case runs (end steps included)",
    }),
  ),
  processVersion: Type.Optional(Type.Integer({ description: 'The definition version the case runs' })),
  status: Type.Union([...EXECUTION_STATUSES.map((s) => Type.Literal(s)), Type.Literal('unknown')], {
    description: 'The workflow execution status',
  }),
  outcome: Type.Optional(Type.String()),
  nextDeadline: Type.Optional(Type.String({ format: 'date-time' })),
  startedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseList = Type.Object({ cases: Type.Array(CaseSummary), nextCursor: NextCursor });
export type CaseList = Static<typeof CaseList>;

export const DeadlineSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('reminder'), Type.Literal('timeout'), Type.Literal('case')]),
  nodeId: Type.String(),
  label: Type.String(),
  at: Instant,
  status: Type.Union(['pending', 'done', 'cancelled', 'met', 'missed'].map((s) => Type.Literal(s))),
});

export const HistoryEntrySchema = Type.Object({
  at: Instant,
  type: Type.String(),
  nodeId: Type.Optional(Type.String()),
  event: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntrySchema>;

/** A decision's outcome: the branch (event type; null: the default branch) and the step it leads to. */
export const DecisionChoice = Type.Object({ branch: Type.Union([Type.String(), Type.Null()]), next: Type.String() });
export type DecisionChoice = Static<typeof DecisionChoice>;

export const DecisionRecordSchema = Type.Object(
  {
    nodeId: Type.String(),
    at: Instant,
    ruleSetKind: Type.String(),
    ruleSetId: Type.String(),
    ruleSetVersion: Type.Integer(),
    peildatum: Type.String({ format: 'date' }),
    facts: Type.Record(Type.String(), Type.Unknown()),
    events: Type.Array(
      Type.Object({ type: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
    ),
    explanation: Type.Optional(
      Type.Unknown({ description: "The rules' explanation: per rule and condition, held or failed" }),
    ),
    status: Type.Optional(
      Type.Union(
        ['proposed', 'incomplete', 'confirmed', 'automatic'].map((s) => Type.Literal(s)),
        {
          description: 'proposed | incomplete | confirmed | automatic',
        },
      ),
    ),
    proposal: Type.Optional(DecisionChoice),
    missingFacts: Type.Optional(Type.Array(Type.String())),
    branch: Type.Union([Type.String(), Type.Null()]),
    next: Type.String(),
    confirmation: Type.Optional(
      Type.Object({
        by: Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.Optional(Type.String()) }),
        at: Instant,
        branch: Type.Union([Type.String(), Type.Null()]),
        next: Type.String(),
        deviated: Type.Boolean(),
        reason: Type.Optional(Type.String()),
      }),
    ),
    besluit: Type.Optional(Type.Object({ id: Type.String(), sha256: Type.String(), createdAt: Instant })),
  },
  {
    description: 'The decision record: the proposal, the decision, who took it and why, with facts and explanation.',
  },
);
export type DecisionRecord = Static<typeof DecisionRecordSchema>;

export const PendingDecisionSchema = Type.Object({
  nodeId: Type.String(),
  phase: Type.Union([Type.Literal('facts'), Type.Literal('confirmation')]),
  event: Type.String(),
  missingFacts: Type.Optional(Type.Array(Type.String())),
  proposal: Type.Optional(DecisionChoice),
  options: Type.Optional(Type.Array(DecisionChoice)),
  since: Instant,
});
export type PendingDecision = Static<typeof PendingDecisionSchema>;

export const ChildCaseSchema = Type.Object({
  caseId: Type.String(),
  nodeId: Type.String(),
  processId: Type.String(),
  processVersion: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed')]),
  startedAt: Instant,
  outcome: Type.Optional(Type.String()),
});

export const CaseStateSchema = Type.Object(
  {
    caseId: Type.String(),
    tenant: Type.String(),
    caseRef: Type.String(),
    processId: Type.String(),
    processVersion: Type.Integer(),
    status: CaseStatusSchema,
    currentStep: Type.Union([Type.String(), Type.Null()]),
    expectedEvents: Type.Array(Type.String()),
    caseStatus: Type.Optional(Type.String()),
    outcome: Type.Optional(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    variables: Type.Record(Type.String(), Type.Unknown()),
    dates: Type.Record(Type.String(), Type.String()),
    deadlines: Type.Array(DeadlineSchema),
    history: Type.Array(HistoryEntrySchema),
    decisions: Type.Array(DecisionRecordSchema),
    pendingDecision: Type.Optional(PendingDecisionSchema),
    children: Type.Array(ChildCaseSchema),
    parentCaseId: Type.Optional(Type.String()),
  },
  { description: 'The case as the interpreter keeps it; further fields (placements, runs) may appear.' },
);
export type CaseStateResponse = Static<typeof CaseStateSchema>;

export const EventResult = Type.Object({
  accepted: Type.Literal(true),
  event: Type.String(),
  currentStep: Type.Union([Type.String(), Type.Null()]),
  status: CaseStatusSchema,
  outcome: Type.Optional(Type.String()),
});
export type EventResult = Static<typeof EventResult>;

export const CaseCancelled = Type.Object({ caseId: Type.String(), cancelled: Type.Literal(true) });
export type CaseCancelled = Static<typeof CaseCancelled>;

/** The interpreter's statuses and the contract's are one list: a status added to either fails to compile here. */
export type CaseStatusesAgree = Assert<Same<CaseStatus, WorkflowCaseStatus>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type CaseStatusFilter = Static<typeof CaseStatusFilter>;
export type ProcessParams = Static<typeof ProcessParams>;
export type CaseParams = Static<typeof CaseParams>;
export type StartCaseHeaders = Static<typeof StartCaseHeaders>;
export type SendEventHeaders = Static<typeof SendEventHeaders>;
export type Deadline = Static<typeof DeadlineSchema>;
export type ChildCase = Static<typeof ChildCaseSchema>;
