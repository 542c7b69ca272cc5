import { Router } from 'express';
import { appendAudit } from '../../services/audit/audit';
import type { CaseService } from '../../services/cases/case-service';
import { importHouseholds, TRANSITION_PROCESS } from '../../services/cases/household-import';
import { ImportHouseholdsBody, type HouseholdImportResult } from '../../contract/household-import';
import { authenticate, getAuth, requirePermission, type AuthDeps } from '../auth';
import { perCallerRateLimit } from './rate-limit';
import { check } from './validate';

export interface HouseholdImportsRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  rateLimitPerMinute: number;
}

/** POST /processes/overgang-oekraine/imports: a municipality's list of GOO households, one case each. */
export function createHouseholdImportsRouter(deps: HouseholdImportsRouterDeps): Router {
  const router = Router();
  const guard = [authenticate(deps.auth), perCallerRateLimit(deps.rateLimitPerMinute, deps.auth.store)];
  router.post(
    `/processes/${TRANSITION_PROCESS}/imports`,
    ...guard,
    requirePermission('cases:start'),
    async (req, res) => {
      const body = check(ImportHouseholdsBody, 'body', req.body);
      const auth = getAuth(req);
      const result = await importHouseholds(deps.cases, auth.tenant, body.csv);
      // Counts only: the audit trail never holds the list's references or data.
      await appendAudit(
        deps.auth.store.db,
        {
          tenantId: auth.tenant,
          actor: auth.actor,
          action: 'case.import',
          target: { type: 'process', id: TRANSITION_PROCESS },
          details: { households: result.households, started: result.started, existing: result.existing },
        },
        deps.auth.clock().toISOString(),
      );
      res.status(result.started > 0 ? 201 : 200).json(result satisfies HouseholdImportResult);
    },
  );
  return router;
}
