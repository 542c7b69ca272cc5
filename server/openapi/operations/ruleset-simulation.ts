import { Type } from '@sinclair/typebox';
import { VersionParams } from '../../routes/schemas/artifacts';
import type { Operation } from '../operation';

const Outcome = Type.Union([Type.String(), Type.Null()]);
const Simulation = Type.Object({
  compared: Type.Integer({ description: 'Decisions re-judged: the latest complete record per case and decision step' }),
  changed: Type.Integer(),
  unreadable: Type.Integer({ description: 'Records whose facts the draft cannot read (listed, never guessed)' }),
  truncated: Type.Boolean({ description: 'More cases matched than were read (at most 2000)' }),
  totals: Type.Array(
    Type.Object({ outcome: Outcome, label: Type.String(), before: Type.Integer(), after: Type.Integer() }),
  ),
  cases: Type.Array(
    Type.Object({
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
      decided: Type.Optional(Type.Object({ outcome: Outcome, deviated: Type.Boolean() })),
      conditions: Type.Array(
        Type.Object({
          rule: Type.String(),
          fact: Type.String(),
          factLabel: Type.String(),
          before: Type.String(),
          after: Type.String(),
        }),
      ),
    }),
  ),
});

export const ruleSetSimulationOperations: Operation[] = [
  {
    method: 'post',
    path: '/rulesets/{key}/versions/{version}/simulate-own-cases',
    operationId: 'simulateRuleSetOnOwnCases',
    tag: 'Regels (rule sets)',
    access: 'session',
    requires: 'designer or approver',
    summary: "Re-judge the municipality's real decisions (running and recent cases) with this version",
    description:
      'Each decision record is judged again on its own facts and peildatum: the cases that would get another outcome, by caseRef, with the conditions that changed, and the totals per outcome. The summary is kept with the version (audit `version.simulate`) for the approver.',
    params: VersionParams,
    responses: { 200: { description: 'The comparison', schema: Simulation } },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONTENT_INVALID', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED'],
  },
  {
    method: 'get',
    path: '/rulesets/{key}/versions/{version}/simulation',
    operationId: 'getRuleSetSimulation',
    tag: 'Regels (rule sets)',
    access: 'session',
    requires: 'designer or approver',
    summary: "The latest simulation of this version on the municipality's own decisions",
    params: VersionParams,
    responses: {
      200: {
        description: 'The kept summary (at most 50 changed cases listed)',
        schema: Type.Intersect([
          Simulation,
          Type.Object({ ranAt: Type.String({ format: 'date-time' }), ranBy: Type.String() }),
        ]),
      },
    },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'],
  },
];
