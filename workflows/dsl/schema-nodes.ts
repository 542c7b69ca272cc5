import { Type } from '@sinclair/typebox';
import { DurationSchema, Id, Label, MappingName, NodeRef, RelativeTimeSchema, ValueSourceSchema } from './schema-parts';

/** A decision combines a few named fact mappings, not a catalogue of them (keeps validation linear). */
export const MAX_FACT_MAPPINGS_PER_DECISION = 20;
/** A wait step completes on at most this many dates (side-by-side work stays small and linear to check). */
export const MAX_COMPLETE_DATES = 10;

/** The node kinds of a process definition, one schema each; `NodeSchema` is their union. */

export const ACTION_NAMES = [
  'set-variables',
  'set-status',
  'notify',
  'count-placement',
  'set-dates',
  'start-linked-case',
] as const;

export const ActionSchema = Type.Object(
  {
    action: Type.Union(ACTION_NAMES.map((a) => Type.Literal(a))),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const TaskNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('task'),
    label: Label,
    action: ActionSchema.properties.action,
    /** Action settings; a value `{ "param": "…" }` is read from the definition's parameters when the task runs. */
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    next: NodeRef,
  },
  { additionalProperties: false },
);

/**
 * An event a wait step expects, by the name it is declared under in the definition's `events`
 * (format version 2). `label` and `payloadSchema` here override the declaration for this step
 * only; the upgrader writes them where version-1 copies of one event differed, nobody needs them otherwise.
 */
export const WaitEventSchema = Type.Object(
  {
    name: Id,
    label: Type.Optional(Label),
    payloadSchema: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** Case variables set from the payload: variable name → payload property. */
    assign: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Case dates set from the payload: date name → payload property (a date or date-time), or "now". */
    dates: Type.Optional(Type.Record(Type.String(), Type.String())),
    next: NodeRef,
  },
  { additionalProperties: false },
);

export const ReminderSchema = Type.Object(
  {
    id: Id,
    label: Label,
    at: RelativeTimeSchema,
    notify: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const WaitNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('wait'),
    label: Label,
    events: Type.Array(WaitEventSchema, { minItems: 1 }),
    reminders: Type.Optional(Type.Array(ReminderSchema)),
    timeout: Type.Optional(
      Type.Object({ at: RelativeTimeSchema, label: Label, next: NodeRef }, { additionalProperties: false }),
    ),
    /**
     * Work that runs side by side in one step: events that loop back to this step each set a date
     * (one per domain, in any order), and as soon as every date in `dates` is set the step goes on
     * to `next` — checked on entry and after each accepted event. Bounded: at most ten dates.
     */
    complete: Type.Optional(
      Type.Object(
        {
          dates: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: MAX_COMPLETE_DATES }),
          label: Label,
          next: NodeRef,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BranchSchema = Type.Object(
  {
    event: Type.String({ minLength: 1, description: 'rule event type, e.g. priority' }),
    label: Type.Optional(Label),
    next: NodeRef,
  },
  { additionalProperties: false },
);

/**
 * Evaluates the municipality's published rule set of `ruleSetKind`, the version in force on the
 * case date `peildatum`, with facts taken from the case. The first branch whose event fired wins;
 * `otherwise` when none did.
 */
export const DecisionNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('decision'),
    label: Label,
    ruleSetKind: Type.String({ minLength: 1, description: 'e.g. housing-priority' }),
    peildatum: Type.String({ minLength: 1, description: 'name of the case date the case is judged on' }),
    /** Names of the definition's `factMappings` whose facts this decision passes, merged in this order. */
    factMappings: Type.Array(MappingName, { maxItems: MAX_FACT_MAPPINGS_PER_DECISION }),
    branches: Type.Array(BranchSchema),
    otherwise: Type.Optional(NodeRef),
    /**
     * `required` (the default): the rules' outcome is a proposal that a case handler (behandelaar)
     * confirms or overrides with a reason (AVG art. 22, Awb 3:46). `none`: procedural routing only,
     * allowed for rule-set kinds without legal effect.
     */
    confirmation: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('none')])),
    /** How long the case handler has to confirm, from the proposal (default P14D); then the deadline is missed and escalated. */
    confirmWithin: Type.Optional(DurationSchema),
    /** Reminders to the case handler after the proposal (default P7D). */
    confirmReminders: Type.Optional(Type.Array(DurationSchema, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const OutcomeBranchSchema = Type.Object(
  { outcome: Id, label: Type.Optional(Label), next: NodeRef },
  { additionalProperties: false },
);

/** Starts another process as a child case, waits for its outcome and branches on it. */
export const SubprocessNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('subprocess'),
    label: Label,
    process: Id,
    /** The child's input data: property → where its value comes from in this case. */
    input: Type.Record(Type.String({ minLength: 1 }), ValueSourceSchema),
    /** Dates copied back from the child when it ends: this case's date name → child's date name. */
    dates: Type.Optional(Type.Record(Type.String(), Type.String())),
    outcomes: Type.Array(OutcomeBranchSchema),
    otherwise: Type.Optional(NodeRef),
  },
  { additionalProperties: false },
);

/** A check compares a few numbers of the case, no more: past this a rule set is the right tool. */
export const MAX_CHECK_CONDITIONS = 10;
export const CHECK_OPERATORS = [
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'equal',
  'notEqual',
] as const;

/** `value` `operator` `limit` (+ `plus`), all numbers from the case or the parameters. */
export const CheckConditionSchema = Type.Object(
  {
    id: Id,
    label: Label,
    value: ValueSourceSchema,
    operator: Type.Union(CHECK_OPERATORS.map((o) => Type.Literal(o))),
    limit: ValueSourceSchema,
    /** Added to the limit first, e.g. rooms + 1 person. */
    plus: Type.Optional(ValueSourceSchema),
  },
  { additionalProperties: false },
);

/**
 * Routes on a comparison of case values without a rule set (docs/processes.md, "Check"): every
 * condition holds → `pass`; one fails or cannot be judged (a value that is not a number, a
 * parameter the municipality has not filled in) → `fail`. Procedural only: a step with legal
 * effect after `fail` is a person's (the built-in asks for an override with a reason).
 */
export const CheckNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('check'),
    label: Label,
    conditions: Type.Array(CheckConditionSchema, { minItems: 1, maxItems: MAX_CHECK_CONDITIONS }),
    /** Case variable that gets the result: `{ passed, failed: [condition ids], unknown: [condition ids] }`. */
    assign: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,62}$' })),
    pass: NodeRef,
    fail: NodeRef,
  },
  { additionalProperties: false },
);

export const EndNodeSchema = Type.Object(
  {
    id: NodeRef,
    kind: Type.Literal('end'),
    label: Label,
    outcome: Id,
  },
  { additionalProperties: false },
);

export const NodeSchema = Type.Union([
  TaskNodeSchema,
  WaitNodeSchema,
  DecisionNodeSchema,
  SubprocessNodeSchema,
  EndNodeSchema,
  CheckNodeSchema,
]);
