import { KeptSimulation, RuleSetSimulation } from '../../../contract/ruleset-simulation';
import { VersionParams } from '../../../contract/artifacts';
import type { Operation } from '../operation';

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
    responses: { 200: { description: 'The comparison', schema: RuleSetSimulation } },
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
        schema: KeptSimulation,
      },
    },
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'],
  },
];
