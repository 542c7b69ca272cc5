import { Type, type Static } from '@sinclair/typebox';
import { DecisionRecordSchema, EventResult } from './cases';
import { CaseId } from './common';

/** Request bodies of a waiting decision step: a person's confirmation, or the facts that were missing. */
export const DecisionParams = Type.Object({
  caseId: CaseId,
  nodeId: Type.String({
    minLength: 1,
    maxLength: 63,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'The decision step, e.g. voorrangsbesluit',
  }),
});

export const ConfirmDecisionBody = Type.Object(
  {
    branch: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
      description:
        "The outcome decided: the proposal's branch to confirm it, another branch (event type) to deviate, null for the default branch.",
    }),
    reason: Type.Optional(
      Type.String({
        maxLength: 4000,
        description: 'Why; required (at least 10 characters) when deviating from the proposal (Awb 3:46).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ConfirmDecisionBody = Static<typeof ConfirmDecisionBody>;

export const SupplyFactsBody = Type.Object(
  {
    facts: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Unknown(), {
      minProperties: 1,
      maxProperties: 50,
      description: "Values of the missing facts (names from the rule set kind's fact catalog), of the catalog's types.",
    }),
  },
  { additionalProperties: false },
);
export type SupplyFactsBody = Static<typeof SupplyFactsBody>;

/** A confirmed decision: the case moved on, with the decision record (null if the step recorded none). */
export const DecisionConfirmed = Type.Intersect([
  EventResult,
  Type.Object({ decision: Type.Union([DecisionRecordSchema, Type.Null()]) }),
]);
export type DecisionConfirmed = Static<typeof DecisionConfirmed>;

/** Facts supplied: the step decided again. */
export const FactsSupplied = EventResult;

export type DecisionParams = Static<typeof DecisionParams>;
export type FactsSupplied = Static<typeof FactsSupplied>;
