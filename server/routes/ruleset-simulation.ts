import { Router } from 'express';
import type { RuleSet } from '../../rules';
import { appendAudit, queryAudit } from '../../services/audit/audit';
import { authenticate, getAuth, requireRole, requireUser, type AuthDeps } from '../auth';
import { ApiError } from '../../platform/errors';
import type { CollectedDecisions } from '../../services/simulation/collect-recorded-decisions';
import { compareDecisions } from '../../services/simulation/compare-decisions';
import { parseJson } from '../../platform/store/json';
import { findVersionRow } from '../../services/versions/repository';
import { requireArtifact } from '../../services/versions/actor';
import { versionRef } from '../../services/versions/types';
import { VersionParams } from '../../contract/artifacts';
import type { KeptSimulation, RuleSetSimulation } from '../../contract/ruleset-simulation';
import { check } from './validate';

export interface RuleSetSimulationDeps {
  auth: AuthDeps;
  /** The municipality's real decisions of a rule-set kind (running and recent cases). */
  collect: (tenant: string, kind: string, now: Date) => Promise<CollectedDecisions>;
}

/** What travels with the version to the approver (kept in the audit trail): totals, counts and the first changed cases. */
const SUMMARY_CASES = 50;

/**
 * "What would this draft change for the people we decided on?" — the draft re-judges the
 * municipality's real decisions (each on its own facts and peildatum). A designer runs it before
 * submitting; the summary is kept with the version, so the approver sees it beside the diff.
 */
export function createRuleSetSimulationRouter(deps: RuleSetSimulationDeps): Router {
  const router = Router();
  const people = [authenticate(deps.auth), requireUser, requireRole('designer', 'approver')];

  router.post('/rulesets/:key/versions/:version/simulate-own-cases', ...people, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const auth = getAuth(req);
    const artifact = await requireArtifact(deps.auth.store.db, auth, 'ruleset', key);
    const row = await findVersionRow(deps.auth.store.db, artifact, version);
    if (!row) throw new ApiError(404, 'NOT_FOUND', `Rule set ${key} has no version ${version}.`, '/params/version');
    const draft = parseJson<RuleSet | null>(row.content, null);
    if (!draft)
      throw new ApiError(422, 'CONTENT_INVALID', 'This version cannot be read as a rule set.', '/params/version');
    const now = deps.auth.clock();
    const collected = await deps.collect(auth.tenant, draft.kind, now);
    const result = compareDecisions(draft, collected.decisions);
    const summary: KeptSimulation = {
      ...result,
      cases: result.cases.slice(0, SUMMARY_CASES),
      truncated: collected.truncated,
      ranAt: now.toISOString(),
      ranBy: auth.actor.name,
    };
    await appendAudit(
      deps.auth.store.db,
      {
        tenantId: auth.tenant,
        actor: auth.actor,
        action: 'version.simulate',
        target: { type: 'ruleset', id: key },
        after: versionRef('ruleset', key, version),
        details: { summary },
      },
      now.toISOString(),
    );
    res.json({ ...result, truncated: collected.truncated } satisfies RuleSetSimulation);
  });

  router.get('/rulesets/:key/versions/:version/simulation', ...people, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const auth = getAuth(req);
    await requireArtifact(deps.auth.store.db, auth, 'ruleset', key);
    const ref = versionRef('ruleset', key, version);
    const events = await queryAudit(deps.auth.store.db, auth.tenant, {
      action: 'version.simulate',
      targetType: 'ruleset',
      targetId: key,
      limit: 200,
    });
    const latest = events.find((e) => e.after === ref);
    if (!latest)
      throw new ApiError(
        404,
        'NOT_FOUND',
        `Version ${version} of ${key} has not been simulated on the municipality's own cases yet.`,
        '/params/version',
      );
    res.json((latest.details as { summary: KeptSimulation }).summary);
  });

  return router;
}
