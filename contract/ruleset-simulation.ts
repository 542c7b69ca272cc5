import { Type, type Static } from '@sinclair/typebox';
import { Instant } from './common';

/** A draft rule set re-judging the municipality's own decisions (POST …/simulate-own-cases). */

const Outcome = Type.Union([Type.String(), Type.Null()]);

/** A condition's state in the recorded advice and in the draft's. */
export const CONDITION_STATES = ['voldaan', 'niet-voldaan', 'onbekend', 'niet-beoordeeld', 'ontbreekt'] as const;
export type ConditionState = (typeof CONDITION_STATES)[number];
const ConditionStateSchema = Type.Union(CONDITION_STATES.map((s) => Type.Literal(s)));

export const ChangedConditionSchema = Type.Object({
  rule: Type.String(),
  fact: Type.String(),
  factLabel: Type.String({ description: "The fact's Dutch label from the draft's catalog" }),
  before: ConditionStateSchema,
  after: ConditionStateSchema,
});
export type ChangedCondition = Static<typeof ChangedConditionSchema>;

export const ChangedCaseSchema = Type.Object({
  caseRef: Type.String(),
  caseId: Type.String(),
  nodeId: Type.String(),
  peildatum: Type.String({ format: 'date' }),
  before: Type.Object({ outcome: Outcome, label: Type.String() }),
  after: Type.Object({
    outcome: Outcome,
    label: Type.String(),
    incomplete: Type.Optional(Type.Array(Type.String())),
  }),
  decided: Type.Optional(
    Type.Object(
      { outcome: Outcome, deviated: Type.Boolean() },
      { description: 'The decision a person took on the record: the draft changes the advice, not that decision' },
    ),
  ),
  conditions: Type.Array(ChangedConditionSchema),
});
export type ChangedCase = Static<typeof ChangedCaseSchema>;

export const RuleSetSimulation = Type.Object({
  compared: Type.Integer({ description: 'Decisions re-judged: the latest complete record per case and decision step' }),
  changed: Type.Integer(),
  unreadable: Type.Integer({ description: 'Records whose facts the draft cannot read (listed, never guessed)' }),
  truncated: Type.Boolean({ description: 'More cases matched than were read (at most 2000)' }),
  totals: Type.Array(
    Type.Object({ outcome: Outcome, label: Type.String(), before: Type.Integer(), after: Type.Integer() }),
  ),
  cases: Type.Array(ChangedCaseSchema),
});
export type RuleSetSimulation = Static<typeof RuleSetSimulation>;

/** The simulation as kept with the version for the approver (at most 50 changed cases listed). */
export const KeptSimulation = Type.Intersect([
  RuleSetSimulation,
  Type.Object({ ranAt: Instant, ranBy: Type.String() }),
]);
export type KeptSimulation = Static<typeof KeptSimulation>;
