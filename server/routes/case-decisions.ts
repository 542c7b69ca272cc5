import { Router, type Request } from 'express';
import { catalogOf, factCatalogs, validateFacts, type FactCatalog, type RuleSet, type RuleSetKind } from '../../rules';
import { SUPPLY_FACTS_EVENT } from '../../workflows/engine/decision-events';
import { appendAudit } from '../../services/audit/audit';
import { authenticate, getAuth, requirePermission, requireRole, requireUser, type AuthDeps } from '../auth';
import { findUserRow } from '../../services/auth/users';
import type { CaseService } from '../../services/cases/case-service';
import { ApiError } from '../../platform/errors';
import {
  ConfirmDecisionBody,
  DecisionParams,
  SupplyFactsBody,
  type DecisionConfirmed,
  type FactsSupplied,
} from '../../contract/case-decisions';
import { perCallerRateLimit } from './rate-limit';
import { check } from './validate';

export interface CaseDecisionsRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  rateLimitPerMinute: number;
  /** Refuses a confirmation while the municipality cannot sign a besluit yet (profile incomplete). */
  assertCanSign?: (tenant: string) => Promise<void>;
  /** The municipality's published rule sets, so supplied facts are checked against the version the decision record names. */
  ruleSets?: { published(tenant: string, kind: string): Promise<RuleSet[]> };
}

/**
 * A decision step waiting for a person. Confirming is for signed-in case handlers only (AVG art.
 * 22: a person takes the decision; an API key never can); missing facts may come from a case
 * handler or a municipal system. Both are audited with who and what, never the fact values.
 */
export function createCaseDecisionsRouter(deps: CaseDecisionsRouterDeps): Router {
  const router = Router();
  const guard = [authenticate(deps.auth), perCallerRateLimit(deps.rateLimitPerMinute, deps.auth.store)];
  const audit = (
    req: Request,
    action: string,
    caseId: string,
    extra: { reason?: string; details?: Record<string, unknown> },
  ) => {
    const auth = getAuth(req);
    return appendAudit(
      deps.auth.store.db,
      { tenantId: auth.tenant, actor: auth.actor, action, target: { type: 'case', id: caseId }, ...extra },
      deps.auth.clock().toISOString(),
    );
  };

  router.post(
    '/cases/:caseId/decisions/:nodeId/confirm',
    ...guard,
    requireUser,
    requireRole('behandelaar'),
    async (req, res) => {
      const { caseId, nodeId } = check(DecisionParams, 'params', req.params);
      const body = check(ConfirmDecisionBody, 'body', req.body);
      const auth = getAuth(req);
      await deps.assertCanSign?.(auth.tenant);
      const user = await findUserRow(deps.auth.store.db, auth.tenant, auth.actor.id);
      const by = {
        userId: auth.actor.id,
        username: auth.actor.name,
        ...(user?.display_name ? { displayName: user.display_name } : {}),
      };
      const result = await deps.cases.confirmDecision(auth.tenant, caseId, {
        nodeId,
        branch: body.branch,
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
        by,
      });
      const state = await deps.cases.get(auth.tenant, caseId);
      const decision = [...state.decisions].reverse().find((d) => d.nodeId === nodeId && d.status === 'confirmed');
      await audit(req, 'decision.confirm', caseId, {
        ...(body.reason ? { reason: body.reason } : {}),
        details: {
          nodeId,
          proposal: decision?.proposal?.branch ?? null,
          branch: body.branch,
          deviated: decision?.confirmation?.deviated ?? null,
        },
      });
      res.json({ ...result, decision: decision ?? null } satisfies DecisionConfirmed);
    },
  );

  router.post(
    '/cases/:caseId/decisions/:nodeId/facts',
    ...guard,
    requirePermission('cases:events'),
    async (req, res) => {
      const { caseId, nodeId } = check(DecisionParams, 'params', req.params);
      const body = check(SupplyFactsBody, 'body', req.body);
      const auth = getAuth(req);
      const state = await deps.cases.get(auth.tenant, caseId);
      const pending = state.pendingDecision;
      if (!pending || pending.nodeId !== nodeId || pending.phase !== 'facts') {
        throw new ApiError(
          409,
          'DECISION_NOT_PENDING',
          `Decision step "${nodeId}" is not waiting for facts.`,
          '/params/nodeId',
        );
      }
      const record = [...state.decisions].reverse().find((d) => d.nodeId === nodeId);
      const catalog = await pinnedCatalog(auth.tenant, record);
      if (catalog) {
        const factCheck = validateFacts(catalog, body.facts);
        if (!factCheck.valid) {
          const first = factCheck.errors[0];
          throw new ApiError(
            400,
            'INVALID_FACTS',
            first?.message.nl ?? 'Ongeldige feiten.',
            `/body/facts${first?.path ?? ''}`,
            { errors: factCheck.errors },
          );
        }
      }
      const result = await deps.cases.sendEvent(auth.tenant, caseId, {
        name: SUPPLY_FACTS_EVENT,
        payload: { facts: body.facts },
      });
      await audit(req, 'decision.facts', caseId, { details: { nodeId, facts: Object.keys(body.facts) } });
      res.json(result satisfies FactsSupplied);
    },
  );

  return router;

  /**
   * The catalog of the rule-set version the decision record names: the kind's facts and the
   * municipality's own of that version. Without a source the kind's catalog (then a municipality
   * fact is refused here); when the version is not found, no check here — the decision step checks
   * the facts against the version it judges with, and reports what does not fit as onvolledig.
   */
  async function pinnedCatalog(
    tenant: string,
    record: { ruleSetKind: string; ruleSetId: string; ruleSetVersion: number } | undefined,
  ): Promise<FactCatalog | undefined> {
    const kind = record?.ruleSetKind ?? '';
    if (!record || !Object.prototype.hasOwnProperty.call(factCatalogs, kind)) return undefined;
    if (!deps.ruleSets) return factCatalogs[kind as RuleSetKind];
    const versions = await deps.ruleSets.published(tenant, kind);
    const ruleSet = versions.find((v) => v.id === record.ruleSetId && v.version === record.ruleSetVersion);
    return ruleSet ? catalogOf(ruleSet) : undefined;
  }
}
