import { Type, type Static } from '@sinclair/typebox';
import { CaseDeadlineSchema, ProcessDefinitionSchema } from './schema';
import {
  DecisionNodeSchema,
  EndNodeSchema,
  SubprocessNodeSchema,
  TaskNodeSchema,
  WaitNodeSchema,
} from './schema-nodes';
import { Id, Label, NodeRef, ValueSourceSchema } from './schema-parts';

/**
 * Format version 1, frozen: every event written out in each wait step that expects it, every
 * decision with its own fact mapping. Running cases hold version-1 snapshots in their workflow
 * input and stored versions may be version 1, so it is read for ever; `upgradeDefinition` turns
 * it into the current format. Never change this file's shapes: old snapshots must keep matching.
 */

export const WaitEventV1Schema = Type.Object(
  {
    name: Id,
    label: Label,
    payloadSchema: Type.Record(Type.String(), Type.Unknown()),
    assign: Type.Optional(Type.Record(Type.String(), Type.String())),
    dates: Type.Optional(Type.Record(Type.String(), Type.String())),
    next: NodeRef,
  },
  { additionalProperties: false },
);

export const WaitNodeV1Schema = Type.Object(
  { ...WaitNodeSchema.properties, events: Type.Array(WaitEventV1Schema, { minItems: 1 }) },
  { additionalProperties: false },
);

const { factMappings: _v2Mappings, ...decisionV1Rest } = DecisionNodeSchema.properties;
export const DecisionNodeV1Schema = Type.Object(
  { ...decisionV1Rest, facts: Type.Record(Type.String({ minLength: 1 }), ValueSourceSchema) },
  { additionalProperties: false },
);

export const NodeV1Schema = Type.Union([
  TaskNodeSchema,
  WaitNodeV1Schema,
  DecisionNodeV1Schema,
  SubprocessNodeSchema,
  EndNodeSchema,
]);

const {
  formatVersion: _v2Format,
  events: _v2Events,
  factMappings: _v2Facts,
  ...definitionV1Rest
} = ProcessDefinitionSchema.properties;
export const ProcessDefinitionV1Schema = Type.Object(
  {
    ...definitionV1Rest,
    /** Absent in version 1 as written; a client may say 1 explicitly. */
    formatVersion: Type.Optional(Type.Literal(1)),
    deadlines: Type.Optional(Type.Array(CaseDeadlineSchema)),
    nodes: Type.Array(NodeV1Schema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ProcessDefinitionV1 = Static<typeof ProcessDefinitionV1Schema>;
export type ProcessNodeV1 = Static<typeof NodeV1Schema>;
export type WaitNodeV1 = Static<typeof WaitNodeV1Schema>;
export type WaitEventV1 = Static<typeof WaitEventV1Schema>;
export type DecisionNodeV1 = Static<typeof DecisionNodeV1Schema>;
