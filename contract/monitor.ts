import { Type, type Static } from '@sinclair/typebox';
import {
  CaseStatusFilter,
  DeadlineSchema,
  DecisionRecordSchema,
  HistoryEntrySchema,
  PendingDecisionSchema,
} from './cases';
import { HalfYear, TaakstellingPeriodSchema } from './quota';
import { CASE_ID_LIST_PATTERN, CaseId, Ident, Instant, LocalText as Text, Text as FreeText, Uuid } from './common';

/** The monitor's read models: dashboard, process catalog, one case, saved filters, the live stream's query. */

const Count = Type.Integer({ minimum: 0 });

export const MonitorSummarySchema = Type.Object(
  {
    generatedAt: Instant,
    processes: Type.Array(
      Type.Object(
        {
          processId: Type.String(),
          title: Text,
          running: Count,
          completed: Count,
          steps: Type.Array(
            Type.Object({ step: Type.String(), label: Text, running: Count }, { additionalProperties: false }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    deadlines: Type.Object(
      { overdue: Count, next7Days: Count, next30Days: Count },
      { additionalProperties: false, description: 'Running cases by their next deadline' },
    ),
    hotelStays: Type.Object(
      {
        total: Count,
        sampled: Count,
        paidMonths: Count,
        byMonth: Type.Array(
          Type.Object({ month: Type.Integer({ minimum: 1 }), count: Count }, { additionalProperties: false }),
          { description: 'Running hotel stays by month of stay; the last bucket is past the COA-paid period' },
        ),
      },
      { additionalProperties: false },
    ),
    harEnding: Type.Object(
      {
        running: Count,
        sampled: Count,
        windowDays: Count,
        endingSoon: Count,
        soonest: Type.Array(
          Type.Object(
            { caseId: Type.String(), caseRef: Type.String(), endsAt: Instant },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    taakstelling: Type.Object(
      {
        currentHalfYear: HalfYear,
        previousHalfYear: HalfYear,
        current: Type.Array(TaakstellingPeriodSchema),
        previous: Type.Array(TaakstellingPeriodSchema),
      },
      { additionalProperties: false },
    ),
    koppelingToHome: Type.Object(
      {
        normWeeks: Type.Number(),
        cases: Count,
        averageWeeks: Type.Union([Type.Number(), Type.Null()]),
        withinNorm: Count,
        distribution: Type.Array(Type.Object({ weeks: Count, count: Count }, { additionalProperties: false })),
      },
      {
        additionalProperties: false,
        description: 'Completed huisvesting-statushouder cases: weeks from koppeling to moving in',
      },
    ),
  },
  { additionalProperties: false },
);

export const ProcessCatalogSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          processId: Type.String(),
          title: Text,
          steps: Type.Array(
            Type.Object({ id: Type.String(), kind: Type.String(), label: Text }, { additionalProperties: false }),
          ),
          outcomes: Type.Array(Type.Object({ id: Type.String(), label: Text }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type MonitorSummary = Static<typeof MonitorSummarySchema>;
export type ProcessCatalog = Static<typeof ProcessCatalogSchema>;

export const MonitorCaseParams = Type.Object({ caseId: CaseId }, { additionalProperties: false });

export const CaseViewSchema = Type.Object(
  {
    caseId: Type.String(),
    caseRef: Type.String(),
    processId: Type.String(),
    processVersion: Type.Integer(),
    processTitle: Text,
    status: Type.String(),
    currentStep: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    caseStatus: Type.Union([Type.String(), Type.Null()]),
    dates: Type.Record(Type.String(), Type.String()),
    deadlines: Type.Array(DeadlineSchema),
    graph: Type.Object(
      {
        start: Type.String(),
        nodes: Type.Array(
          Type.Object({ id: Type.String(), kind: Type.String(), label: Text }, { additionalProperties: false }),
        ),
        edges: Type.Array(
          Type.Object(
            { source: Type.String(), target: Type.String(), label: Type.Union([Text, Type.Null()]) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    path: Type.Array(Type.String(), { description: 'Steps in the order the case entered them' }),
    expectedEvents: Type.Array(
      Type.Object(
        { name: Type.String(), label: Text, payloadSchema: Type.Record(Type.String(), Type.Unknown()) },
        { additionalProperties: false },
      ),
    ),
    timeline: Type.Array(
      Type.Object(
        { at: Instant, type: Type.String(), nodeId: Type.Union([Type.String(), Type.Null()]), text: Text },
        { additionalProperties: false },
      ),
    ),
    decisions: Type.Array(
      Type.Object(
        {
          nodeId: Type.String(),
          at: Instant,
          ruleSetKind: Type.String(),
          ruleSetId: Type.String(),
          ruleSetVersion: Type.Integer(),
          peildatum: Type.String(),
          branch: Type.Union([Type.String(), Type.Null()]),
          next: Type.String(),
          explanation: Text,
        },
        { additionalProperties: false },
      ),
    ),
    children: Type.Array(
      Type.Object(
        {
          caseId: Type.String(),
          processId: Type.String(),
          status: Type.String(),
          outcome: Type.Union([Type.String(), Type.Null()]),
        },
        { additionalProperties: false },
      ),
    ),
    parentCaseId: Type.Union([Type.String(), Type.Null()]),
    // The case page shows the history in words, the decision waiting for a person and every decision
    // record (proposal, facts used, reasons, who decided, the besluit): these, and not the whole case
    // state with the case data and variables (names, addresses), which it does not show (issue 17).
    history: Type.Array(HistoryEntrySchema, { description: "The case's history entries, oldest first" }),
    pendingDecision: Type.Union([PendingDecisionSchema, Type.Null()], {
      description: 'The decision the case waits for a person on (facts to supply or a proposal to confirm), if any',
    }),
    decisionRecords: Type.Array(DecisionRecordSchema, {
      description: 'Every decision record, oldest first: proposal, facts used, explanation, confirmation, besluit',
    }),
    canAct: Type.Boolean({ description: 'The caller may send events and cancel (supervisors) and the case runs' }),
  },
  { additionalProperties: false },
);

export type CaseView = Static<typeof CaseViewSchema>;

const CaseIdList = Type.String({
  maxLength: 40000,
  pattern: CASE_ID_LIST_PATTERN,
  description: 'Comma-separated case ids to watch (the rows on screen)',
});
export const EventsQuery = Type.Object({ watch: Type.Optional(CaseIdList) }, { additionalProperties: false });

/** A case-list filter as the cases API takes it (GET /cases), kept per user. */
export const SavedFilterContent = Type.Object(
  {
    processId: Type.Optional(Ident()),
    step: Type.Optional(Ident()),
    status: Type.Optional(CaseStatusFilter),
    outcome: Type.Optional(Ident()),
    deadlineWindow: Type.Optional(Type.Union([Type.Literal('7d'), Type.Literal('30d')])),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const ColumnId = Type.String({ pattern: '^[a-zA-Z]{1,40}$', maxLength: 40 });

export const SavedFilterSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    filter: SavedFilterContent,
    columns: Type.Union([Type.Array(ColumnId), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type SavedFilter = Static<typeof SavedFilterSchema>;
export type SavedFilterContent = Static<typeof SavedFilterContent>;
export const SavedFilterList = Type.Object({ items: Type.Array(SavedFilterSchema) }, { additionalProperties: false });
export const SaveFilterBody = Type.Object(
  {
    name: FreeText(100),
    filter: SavedFilterContent,
    columns: Type.Optional(Type.Union([Type.Array(ColumnId, { maxItems: 30 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const SavedFilterParams = Type.Object({ filterId: Uuid }, { additionalProperties: false });

export type MonitorCaseParams = Static<typeof MonitorCaseParams>;
export type EventsQuery = Static<typeof EventsQuery>;
export type SavedFilterList = Static<typeof SavedFilterList>;
export type SaveFilterBody = Static<typeof SaveFilterBody>;
export type SavedFilterParams = Static<typeof SavedFilterParams>;

/** One `changed` event of GET /monitor/events: references and codes only, never case data. */
export const MonitorChange = Type.Object({
  type: Type.Literal('changed'),
  at: Instant,
  cases: Type.Array(
    Type.Object({ caseId: Type.String(), processId: Type.String(), step: Type.String(), status: Type.String() }),
  ),
  countsChanged: Type.Boolean({
    description: "The tenant's running or overdue counts moved (timers, other replicas): refresh counts",
  }),
});
export type MonitorChange = Static<typeof MonitorChange>;

/** GET /monitor/events: server-sent events, each a `MonitorChange` (`changed` with case ids, process, step, status). */
export const MonitorEventStream = Type.String({ contentMediaType: 'text/event-stream' });
