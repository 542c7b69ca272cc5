import { Router } from 'express';
import {
  assessCase,
  catalogOf,
  factCatalogs,
  renderExplanation,
  RulesError,
  selectEffectiveVersion,
  todayIso,
  validateFacts,
  type RuleSet,
  type RuleSetKind,
} from '../../rules';
import { authenticate, getAuth, requirePermission, type AuthDeps } from '../auth';
import { ApiError } from '../../platform/errors';
import type { ErrorCode } from '../../contract/error-codes';
import { EvaluateBody, EvaluateParams, type EvaluateResponse } from '../../contract/decisions';
import type { storeRuleSetSource } from '../../services/wiring/store-sources';
import { check } from './validate';

export interface DecisionsRouterDeps {
  auth: AuthDeps;
  ruleSets: ReturnType<typeof storeRuleSetSource>;
}

/**
 * Advice on request: the municipality's rule set in force on the peildatum, evaluated on the
 * given facts, with its explanation. Advice only — a person makes the decision (AVG art. 22).
 */
export function createDecisionsRouter(deps: DecisionsRouterDeps): Router {
  const router = Router();
  router.post(
    '/rulesets/:key/evaluate',
    authenticate(deps.auth),
    requirePermission('rulesets:read'),
    async (req, res) => {
      const { key } = check(EvaluateParams, 'params', req.params);
      const body = check(EvaluateBody, 'body', req.body);
      if (!Object.prototype.hasOwnProperty.call(factCatalogs, key as RuleSetKind))
        throw new ApiError(404, 'NOT_FOUND', `No rule-set kind ${key}.`, '/params/key');
      const peildatum = body.peildatum ?? todayIso();
      let ruleSet: RuleSet;
      try {
        ruleSet = selectEffectiveVersion(await deps.ruleSets.published(getAuth(req).tenant, key), peildatum);
      } catch (err) {
        rethrowAsApiError(err);
      }
      // Facts are checked against the catalog of the version in force: the kind's and the municipality's own.
      const factCheck = validateFacts(catalogOf(ruleSet), body.facts);
      if (!factCheck.valid) {
        const first = factCheck.errors[0];
        throw new ApiError(
          400,
          'INVALID_FACTS',
          `${first?.message.en ?? 'invalid facts'}`,
          `/body/facts${first?.path ?? ''}`,
          { errors: factCheck.errors },
        );
      }
      try {
        // Advice is never a "no" on a guess: when the outcome rests on an unknown needed fact it is onvolledig.
        const result = assessCase(ruleSet, body.facts, { peildatum, explain: true });
        res.json({
          ruleSet: { id: ruleSet.id, version: ruleSet.version, effectiveFrom: ruleSet.effectiveFrom },
          peildatum,
          status: result.status,
          ...(result.status === 'incomplete' ? { missingFacts: result.missingFacts } : {}),
          events: result.events,
          explanation: result.explanation,
          text: result.explanation ? renderExplanation(result.explanation, body.language ?? 'nl') : '',
        } satisfies EvaluateResponse);
      } catch (err) {
        rethrowAsApiError(err);
      }
    },
  );
  return router;
}

/** The rules core's error codes as the API states them (contract/error-codes.ts lists each). */
const RULES_ERROR_CODES: Record<string, ErrorCode> = {
  'no-effective-version': 'NO_EFFECTIVE_VERSION',
  'peildatum-in-gap': 'PEILDATUM_IN_GAP',
  'invalid-peildatum': 'INVALID_PEILDATUM',
  'ambiguous-effective-version': 'AMBIGUOUS_EFFECTIVE_VERSION',
  'mixed-rule-sets': 'MIXED_RULE_SETS',
  'invalid-facts': 'INVALID_FACTS',
  'undefined-fact': 'UNDEFINED_FACT',
  'schema-violation': 'SCHEMA_VIOLATION',
};

/** A rules-core error as the API states it (its code, 404 when nothing is in force); anything else as it was. */
function rethrowAsApiError(err: unknown): never {
  if (!(err instanceof RulesError)) throw err;
  const status = err.code === 'no-effective-version' ? 404 : 422;
  // A code the table does not know yet is the rule set's content failing: say so rather than invent a code.
  const code = RULES_ERROR_CODES[err.code] ?? 'CONTENT_INVALID';
  throw new ApiError(status, code, err.messages.en, '/body/peildatum', {
    message_nl: err.messages.nl,
  });
}
