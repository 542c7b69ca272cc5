import { EvaluateBody, EvaluateParams, EvaluateResponse } from '../../../contract/decisions';
import type { Operation } from '../operation';

export const decisionOperations: Operation[] = [
  {
    method: 'post',
    path: '/rulesets/{key}/evaluate',
    operationId: 'evaluateRuleSet',
    tag: 'Regels (rule sets)',
    access: 'any',
    requires: 'rulesets:read',
    summary: 'Advice: evaluate the rule set in force on a peildatum on given facts, with the explanation',
    description:
      'Advice only: a person makes the formal decision (AVG art. 22). The explanation names every condition, the fact, the expected and the actual value.',
    params: EvaluateParams,
    body: EvaluateBody,
    responses: { 200: { description: 'Events and explanation', schema: EvaluateResponse } },
    errors: [
      'VALIDATION_FAILED',
      'MALFORMED_JSON',
      'INVALID_FACTS',
      'NOT_FOUND',
      'NO_EFFECTIVE_VERSION',
      'PEILDATUM_IN_GAP',
      'INVALID_PEILDATUM',
      'AMBIGUOUS_EFFECTIVE_VERSION',
      'MIXED_RULE_SETS',
      'UNDEFINED_FACT',
      'SCHEMA_VIOLATION',
      'CONTENT_INVALID',
      'UNAUTHENTICATED',
      'FORBIDDEN',
    ],
  },
];
