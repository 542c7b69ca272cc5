import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The process-definition format: the one source of truth for validation (ajv), the TypeScript
 * types, the API's OpenAPI document and the editor. A definition is a graph of nodes; edges are
 * the `next` fields. Running cases carry a snapshot of the definition in their workflow input.
 */

const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'kebab-case identifier' });
const NodeRef = Type.String({ minLength: 1, maxLength: 63, description: 'id of another node in this definition' });
const Label = Type.Object({ nl: Type.String({ minLength: 1 }), en: Type.Optional(Type.String()) }, { additionalProperties: false });

/** ISO-8601 duration such as P6M, P2W, P10D or PT1H (calendar-correct, see duration.ts). */
export const DurationSchema = Type.String({
  pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$',
  description: 'ISO-8601 duration, e.g. P6M',
});

/** A point in time relative to a named case date: `from` + `after` (or minus `before`). */
export const RelativeTimeSchema = Type.Object(
  {
    from: Type.String({ minLength: 1, description: 'name of a case date, e.g. hotelStart; caseStarted always exists' }),
    after: Type.Optional(DurationSchema),
    before: Type.Optional(DurationSchema),
  },
  { additionalProperties: false },
);

export const ActionSchema = Type.Object(
  {
    action: Type.Union([Type.Literal('set-variables'), Type.Literal('set-status'), Type.Literal('notify')]),
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
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    next: NodeRef,
  },
  { additionalProperties: false },
);

export const WaitEventSchema = Type.Object(
  {
    name: Id,
    label: Label,
    /** JSON Schema of the event payload; checked before the event is accepted. */
    payloadSchema: Type.Record(Type.String(), Type.Unknown()),
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

export const NodeSchema = Type.Union([TaskNodeSchema, WaitNodeSchema, EndNodeSchema]);

export const ProcessDefinitionSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    title: Label,
    description: Type.Optional(Label),
    /** JSON Schema of the data a case starts with. */
    inputSchema: Type.Record(Type.String(), Type.Unknown()),
    /** Input properties that are personal data: never logged, never in search attributes. */
    personalData: Type.Optional(Type.Array(Type.String())),
    start: NodeRef,
    nodes: Type.Array(NodeSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ProcessDefinition = Static<typeof ProcessDefinitionSchema>;
export type ProcessNode = Static<typeof NodeSchema>;
export type TaskNode = Static<typeof TaskNodeSchema>;
export type WaitNode = Static<typeof WaitNodeSchema>;
export type WaitEvent = Static<typeof WaitEventSchema>;
export type EndNode = Static<typeof EndNodeSchema>;
export type Reminder = Static<typeof ReminderSchema>;
export type RelativeTime = Static<typeof RelativeTimeSchema>;
export type NodeKind = ProcessNode['kind'];
export type ActionName = TaskNode['action'];
export type JsonSchema = TSchema | Record<string, unknown>;
