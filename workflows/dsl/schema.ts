import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  BranchSchema,
  CheckConditionSchema,
  CheckNodeSchema,
  DecisionNodeSchema,
  EndNodeSchema,
  NodeSchema,
  OutcomeBranchSchema,
  ReminderSchema,
  SubprocessNodeSchema,
  TaskNodeSchema,
  WaitEventSchema,
  WaitNodeSchema,
} from './schema-nodes';
import {
  Id,
  Label,
  MappingName,
  NodeRef,
  ParameterSourceSchema,
  ParamRefSchema,
  PLAIN_PARAM_PATTERN,
  RelativeTimeSchema,
  ValueSourceSchema,
} from './schema-parts';

export * from './schema-parts';
export * from './schema-nodes';

/**
 * The process-definition format: the one source of truth for validation (ajv), the TypeScript
 * types, the API's OpenAPI document and the editor. A definition is a graph of nodes; edges are
 * the `next` fields. Running cases carry a snapshot of the definition in their workflow input.
 */

/**
 * A deadline of the whole case, spanning steps (e.g. 10 weeks from koppeling to a home): due at
 * `at`, met once the case date `metBy` is set. Missed deadlines are marked and notified.
 */
export const CaseDeadlineSchema = Type.Object(
  {
    id: Id,
    label: Label,
    at: RelativeTimeSchema,
    metBy: Type.String({ minLength: 1, description: 'name of the case date that meets the deadline' }),
    notify: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

/** A declared event: what the API client sends by this name, whichever wait step expects it. */
export const EventDeclarationSchema = Type.Object(
  {
    label: Label,
    /** JSON Schema of the event payload; checked before the event is accepted. */
    payloadSchema: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

/** Fact name → where its value comes from in the case. */
export const FactMappingSchema = Type.Record(Type.String({ minLength: 1 }), ValueSourceSchema);

export const FORMAT_VERSION = 2;

export const ProcessDefinitionSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    /** 2: events and fact mappings are declared once and named (version 1 is upgraded, see upgrade-definition.ts). */
    formatVersion: Type.Literal(FORMAT_VERSION),
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    title: Label,
    description: Type.Optional(Label),
    /** JSON Schema of the data a case starts with. */
    inputSchema: Type.Record(Type.String(), Type.Unknown()),
    /** Input properties that are personal data: never logged, never in search attributes. */
    personalData: Type.Optional(Type.Array(Type.String())),
    /** Case dates set from the input when the case starts: date name → input property (a date). */
    inputDates: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** Values a designer tunes without changing the graph: terms, schemes, flags. Referenced by `{ "param": "a.b" }`. */
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /**
     * The source of each parameter by its path (`norms.findHome`); a source on an object
     * (`schemes.HAR`) holds for everything under it unless a deeper path has its own.
     */
    parameterSources: Type.Optional(
      Type.Record(Type.String({ pattern: PLAIN_PARAM_PATTERN }), ParameterSourceSchema, {
        additionalProperties: false,
      }),
    ),
    deadlines: Type.Optional(Type.Array(CaseDeadlineSchema)),
    /** Events by the name clients send them with; wait steps refer to them by that name. */
    events: Type.Optional(Type.Record(Id, EventDeclarationSchema, { additionalProperties: false })),
    /** Named fact mappings; decision steps refer to them by name. */
    factMappings: Type.Optional(Type.Record(MappingName, FactMappingSchema)),
    start: NodeRef,
    nodes: Type.Array(NodeSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ProcessDefinition = Static<typeof ProcessDefinitionSchema>;
export type EventDeclaration = Static<typeof EventDeclarationSchema>;
export type FactMapping = Static<typeof FactMappingSchema>;
export type ProcessNode = Static<typeof NodeSchema>;
export type TaskNode = Static<typeof TaskNodeSchema>;
export type WaitNode = Static<typeof WaitNodeSchema>;
export type WaitEvent = Static<typeof WaitEventSchema>;
export type DecisionNode = Static<typeof DecisionNodeSchema>;
export type SubprocessNode = Static<typeof SubprocessNodeSchema>;
export type EndNode = Static<typeof EndNodeSchema>;
export type CheckNode = Static<typeof CheckNodeSchema>;
export type CheckCondition = Static<typeof CheckConditionSchema>;
export type Branch = Static<typeof BranchSchema>;
export type OutcomeBranch = Static<typeof OutcomeBranchSchema>;
export type Reminder = Static<typeof ReminderSchema>;
export type RelativeTime = Static<typeof RelativeTimeSchema>;
export type ParamRef = Static<typeof ParamRefSchema>;
export type ParameterSource = Static<typeof ParameterSourceSchema>;
export type LabelText = Static<typeof Label>;
export type ValueSource = Static<typeof ValueSourceSchema>;
export type CaseDeadlineSpec = Static<typeof CaseDeadlineSchema>;
export type NodeKind = ProcessNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<ProcessNode, { kind: K }>;
export type ActionName = TaskNode['action'];
export type JsonSchema = TSchema | Record<string, unknown>;
