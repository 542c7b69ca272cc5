import { Router } from 'express';
import type { TransitionProgress } from '../../contract/cohort-progress';
import type { CaseService } from '../../services/cases/case-service';
import type { DefinitionSource } from '../../services/cases/definition-source';
import { computeCohortProgress } from '../../services/monitor/cohort-progress';
import { authenticate, getAuth, requireRole, TENANT_ROLES, type AuthDeps } from '../auth';

export interface CohortProgressRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  definitions: DefinitionSource;
}

/** GET /monitor/transition: the Ukrainian transition per cohort against the end date (every municipal role reads). */
export function createCohortProgressRouter(deps: CohortProgressRouterDeps): Router {
  const router = Router();
  router.get('/monitor/transition', authenticate(deps.auth), requireRole(...TENANT_ROLES), async (req, res) => {
    const progress = await computeCohortProgress(
      { cases: deps.cases, definitions: deps.definitions, clock: deps.auth.clock },
      getAuth(req).tenant,
    );
    res.set('Cache-Control', 'no-store').json(progress satisfies TransitionProgress);
  });
  return router;
}
