import { Router } from 'express';
import type { InburgeringWaiting } from '../../contract/inburgering-waiting';
import type { CaseService } from '../../services/cases/case-service';
import type { DefinitionSource } from '../../services/cases/definition-source';
import { computeInburgeringWaiting } from '../../services/monitor/inburgering-waiting';
import { authenticate, getAuth, requireRole, TENANT_ROLES, type AuthDeps } from '../auth';

export interface InburgeringWaitingRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  definitions: DefinitionSource;
}

/** GET /monitor/inburgering-wachtlijst: who waits for the brede intake and for a PIP, per week of koppeling. */
export function createInburgeringWaitingRouter(deps: InburgeringWaitingRouterDeps): Router {
  const router = Router();
  router.get(
    '/monitor/inburgering-wachtlijst',
    authenticate(deps.auth),
    requireRole(...TENANT_ROLES),
    async (req, res) => {
      const waiting = await computeInburgeringWaiting(
        { cases: deps.cases, definitions: deps.definitions, clock: deps.auth.clock },
        getAuth(req).tenant,
      );
      res.set('Cache-Control', 'no-store').json(waiting satisfies InburgeringWaiting);
    },
  );
  return router;
}
