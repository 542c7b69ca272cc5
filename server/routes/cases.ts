import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { authenticate, getAuth, requirePermission, type AuthDeps } from '../auth';
import type { CaseService } from '../cases/case-service';
import { ApiError } from '../errors';
import type { Metrics } from '../observability/metrics';
import { CaseParams, EventBody, ListCasesQuery, ProcessParams, StartCaseBody } from '../schemas/cases';
import { check } from './schemas/validate';

export interface CasesRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  metrics: Metrics;
  rateLimitPerMinute: number;
}

/** Thin routes: authenticate, validate, call the case service, answer; errors go to the JSON error handler. */
export function createCasesRouter(deps: CasesRouterDeps): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Per API key or user: one noisy system does not starve the others behind the same proxy.
    keyGenerator: (req) => (req.auth ? `${req.auth.actor.kind}:${req.auth.actor.id}` : 'anonymous'),
    handler: (_req, _res, next) => next(new ApiError(429, 'RATE_LIMITED', `More than ${deps.rateLimitPerMinute} requests per minute; slow down and retry after the Retry-After header.`)),
  });
  const guard = [authenticate(deps.auth), limiter];

  router.post('/processes/:processId/cases', ...guard, requirePermission('cases:start'), async (req, res) => {
    const { processId } = check(ProcessParams, 'params', req.params);
    const body = check(StartCaseBody, 'body', req.body);
    const result = await deps.cases.start(getAuth(req).tenant, processId, body.caseRef, body.data);
    if (result.created) deps.metrics.casesStarted.inc({ process: processId });
    res.status(result.created ? 201 : 200).location(`/api/v1/cases/${result.caseId}`).json(result);
  });

  router.get('/cases', ...guard, requirePermission('cases:read'), async (req, res) => {
    const query = check(ListCasesQuery, 'query', req.query);
    res.json({ cases: await deps.cases.list(getAuth(req).tenant, { processId: query.processId, limit: query.limit ?? 50 }) });
  });

  router.get('/cases/:caseId', ...guard, requirePermission('cases:read'), async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    res.json(await deps.cases.get(getAuth(req).tenant, caseId));
  });

  router.post('/cases/:caseId/events', ...guard, requirePermission('cases:events'), async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    const body = check(EventBody, 'body', req.body);
    try {
      res.json(await deps.cases.sendEvent(getAuth(req).tenant, caseId, { name: body.name, payload: body.payload ?? {} }));
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) deps.metrics.eventsRejected.inc({ code: err.code });
      throw err;
    }
  });

  return router;
}
