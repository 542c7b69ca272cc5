import { Type } from '@sinclair/typebox';
import { ConfirmDecisionBody, DecisionParams, SupplyFactsBody } from '../../schemas/case-decisions';
import type { Operation } from '../operation';

const EventResult = Type.Object({
  accepted: Type.Literal(true),
  event: Type.String(),
  currentStep: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  outcome: Type.Optional(Type.String()),
});
const DecisionRecord = Type.Object(
  {
    nodeId: Type.String(),
    at: Type.String({ format: 'date-time' }),
    ruleSetKind: Type.String(),
    ruleSetId: Type.String(),
    ruleSetVersion: Type.Integer(),
    peildatum: Type.String({ format: 'date' }),
    status: Type.Optional(Type.String({ description: 'proposed | incomplete | confirmed | automatic' })),
    proposal: Type.Optional(Type.Object({ branch: Type.Union([Type.String(), Type.Null()]), next: Type.String() })),
    branch: Type.Union([Type.String(), Type.Null()]),
    next: Type.String(),
    confirmation: Type.Optional(
      Type.Object({
        by: Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.Optional(Type.String()) }),
        at: Type.String({ format: 'date-time' }),
        branch: Type.Union([Type.String(), Type.Null()]),
        next: Type.String(),
        deviated: Type.Boolean(),
        reason: Type.Optional(Type.String()),
      }),
    ),
    besluit: Type.Optional(
      Type.Object({ id: Type.String(), sha256: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
    ),
  },
  {
    description:
      'The decision record: the proposal, the decision, who took it and why (also with facts and explanation).',
  },
);

export const caseDecisionOperations: Operation[] = [
  {
    method: 'post',
    path: '/cases/{caseId}/decisions/{nodeId}/confirm',
    operationId: 'confirmDecision',
    tag: 'Zaken (cases)',
    access: 'session',
    requires: 'role behandelaar',
    summary: "A case handler confirms the rules' proposal, or decides otherwise with a reason",
    description:
      "A decision with legal effect is a proposal until a person takes it (AVG art. 22). `branch` is the outcome decided: the proposal's to confirm it, another to deviate (then `reason` is required, Awb 3:46), null for the default outcome. Signed-in users with the role behandelaar only; API keys never. The besluit is then rendered and announced by the `besluit.created` webhook event. Audited.",
    params: DecisionParams,
    body: ConfirmDecisionBody,
    responses: {
      200: {
        description: 'Decided; the case moved on',
        schema: Type.Intersect([EventResult, Type.Object({ decision: Type.Union([DecisionRecord, Type.Null()]) })]),
      },
    },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'CASE_NOT_FOUND',
      'CASE_CLOSED',
      'DECISION_NOT_PENDING',
      'PROFILE_INCOMPLETE',
      'BRANCH_UNKNOWN',
      'REASON_REQUIRED',
      'REASON_TOO_LONG',
      'CASE_BUSY',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/decisions/{nodeId}/facts',
    operationId: 'supplyDecisionFacts',
    tag: 'Zaken (cases)',
    access: 'any',
    requires: 'cases:events',
    summary: 'Supply the facts a decision step is missing (gegevens aanvullen); the step then decides again',
    description:
      "When a needed fact is unknown the rules do not decide (outcome onvolledig): the case's `pendingDecision` lists `missingFacts` and the step waits. Values are checked against the fact catalog's types; nothing is coerced.",
    params: DecisionParams,
    body: SupplyFactsBody,
    responses: { 200: { description: 'Accepted; the step decided again', schema: EventResult } },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'CASE_NOT_FOUND',
      'CASE_CLOSED',
      'DECISION_NOT_PENDING',
      'INVALID_FACTS',
      'FACT_NOT_EXPECTED',
      'INVALID_PAYLOAD',
      'CASE_BUSY',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'RATE_LIMITED',
      'TEMPORAL_UNAVAILABLE',
    ],
  },
];
