import { Router, type Request } from 'express';
import { appendAudit } from '../../services/audit/audit';
import { authenticate, getAuth, requirePermission, type AuthDeps } from '../auth';
import type { CaseService } from '../../services/cases/case-service';
import {
  createIdempotencyKeys,
  eventUpdateId,
  parseIdempotencyKey,
  requestHash,
} from '../../services/cases/idempotency-keys';
import { ApiError } from '../../platform/errors';
import type { Metrics } from '../../platform/observability/metrics';
import {
  CancelBody,
  CaseParams,
  EventBody,
  ListCasesQuery,
  ProcessParams,
  StartCaseBody,
  type CaseCancelled,
  type CaseList,
  type CaseStarted,
  type CaseStateResponse,
  type EventResult,
} from '../../contract/cases';
import { perCallerRateLimit } from './rate-limit';
import { check } from './validate';

export interface CasesRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  metrics: Metrics;
  rateLimitPerMinute: number;
}

/** Thin routes: authenticate, validate, call the case service, audit, answer; errors go to the JSON error handler. */
export function createCasesRouter(deps: CasesRouterDeps): Router {
  const router = Router();
  const limiter = perCallerRateLimit(deps.rateLimitPerMinute, deps.auth.store);
  const guard = [authenticate(deps.auth), limiter];
  const keys = createIdempotencyKeys(() => deps.auth.store.db, deps.auth.clock);

  /** Every change to a case is in the audit trail: who, when, which case, what; never case data. */
  const audit = (
    req: Request,
    action: string,
    caseId: string,
    extra: { reason?: string; details?: Record<string, unknown> } = {},
  ) => {
    const auth = getAuth(req);
    return appendAudit(
      deps.auth.store.db,
      { tenantId: auth.tenant, actor: auth.actor, action, target: { type: 'case', id: caseId }, ...extra },
      deps.auth.clock().toISOString(),
    );
  };

  router.post('/processes/:processId/cases', ...guard, requirePermission('cases:start'), async (req, res) => {
    const { processId } = check(ProcessParams, 'params', req.params);
    const body = check(StartCaseBody, 'body', req.body);
    const idempotencyKey = parseIdempotencyKey(req.get('idempotency-key'));
    const tenant = getAuth(req).tenant;
    // Hashed only when a key asks for it: a body near the limit costs ~20 ms of CPU to hash.
    const hash = idempotencyKey === undefined ? '' : requestHash({ processId, body });
    if (idempotencyKey !== undefined) await keys.check(tenant, idempotencyKey, hash);
    const result = await deps.cases.start(tenant, processId, body.caseRef, body.data);
    if (idempotencyKey !== undefined) await keys.remember(tenant, idempotencyKey, hash, result.caseId);
    if (result.created) {
      deps.metrics.casesStarted.inc({ process: processId });
      await audit(req, 'case.start', result.caseId, {
        details: { processId, ...(idempotencyKey ? { idempotencyKey } : {}) },
      });
    }
    res
      .status(result.created ? 201 : 200)
      .location(`/api/v1/cases/${result.caseId}`)
      .json(result satisfies CaseStarted);
  });

  router.get('/cases', ...guard, requirePermission('cases:read'), async (req, res) => {
    const { limit, cursor, sort, ...filter } = check(ListCasesQuery, 'query', req.query);
    res.json(
      (await deps.cases.list(getAuth(req).tenant, filter, { limit: limit ?? 50, cursor, sort })) satisfies CaseList,
    );
  });

  router.get('/cases/:caseId', ...guard, requirePermission('cases:read'), async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    res.json((await deps.cases.get(getAuth(req).tenant, caseId)) satisfies CaseStateResponse);
  });

  router.post('/cases/:caseId/events', ...guard, requirePermission('cases:events'), async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    const body = check(EventBody, 'body', req.body);
    const idempotencyKey = parseIdempotencyKey(req.get('idempotency-key'));
    const tenant = getAuth(req).tenant;
    const hash = idempotencyKey === undefined ? '' : requestHash({ caseId, body });
    try {
      if (idempotencyKey !== undefined) await keys.check(tenant, idempotencyKey, hash);
      const result = await deps.cases.sendEvent(
        tenant,
        caseId,
        { name: body.name, payload: body.payload ?? {} },
        idempotencyKey !== undefined ? { updateId: eventUpdateId(tenant, idempotencyKey) } : {},
      );
      if (idempotencyKey !== undefined) await keys.remember(tenant, idempotencyKey, hash, caseId);
      await audit(req, 'case.event', caseId, { details: { event: body.name, step: result.currentStep } });
      res.json(result satisfies EventResult);
    } catch (err) {
      if (err instanceof ApiError && err.status < 500) deps.metrics.eventsRejected.inc({ code: err.code });
      throw err;
    }
  });

  router.post('/cases/:caseId/cancel', ...guard, requirePermission('cases:events'), async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    const { reason } = check(CancelBody, 'body', req.body);
    await deps.cases.cancel(getAuth(req).tenant, caseId);
    await audit(req, 'case.cancel', caseId, { reason });
    res.status(202).json({ caseId, cancelled: true } satisfies CaseCancelled);
  });

  return router;
}
