import { Router, type Request } from 'express';
import type { CaseService } from '../cases/case-service';
import { EventBody, ListCasesQuery, StartCaseBody } from '../schemas/cases';
import { validateInput } from '../validation';

export interface CasesRouterDeps {
  cases: CaseService;
  /** The municipality the caller acts for (from its session or API key). */
  tenantOf: (req: Request) => string;
}

/** Thin routes: validate, call the case service, answer; errors go to the JSON error handler. */
export function createCasesRouter(deps: CasesRouterDeps): Router {
  const router = Router();

  router.post('/processes/:processId/cases', async (req, res) => {
    const body = validateInput(StartCaseBody, req.body, '/body');
    const result = await deps.cases.start(deps.tenantOf(req), String(req.params.processId), body.caseRef, body.data);
    res.status(result.created ? 201 : 200).location(`/api/v1/cases/${result.caseId}`).json(result);
  });

  router.get('/cases', async (req, res) => {
    const query = validateInput(ListCasesQuery, { ...req.query }, '/query');
    res.json({ cases: await deps.cases.list(deps.tenantOf(req), { processId: query.processId, limit: query.limit ?? 50 }) });
  });

  router.get('/cases/:caseId', async (req, res) => {
    res.json(await deps.cases.get(deps.tenantOf(req), String(req.params.caseId)));
  });

  router.post('/cases/:caseId/events', async (req, res) => {
    const body = validateInput(EventBody, req.body, '/body');
    res.json(await deps.cases.sendEvent(deps.tenantOf(req), String(req.params.caseId), { name: body.name, payload: body.payload ?? {} }));
  });

  return router;
}
