import { Router } from 'express';
import { authenticate, getAuth, requirePermission, requireRole, type AuthDeps } from '../auth';
import {
  createMapping,
  deleteMapping,
  getMapping,
  listMappings,
  replaceMapping,
} from '../../services/notificaties/mappings';
import { listNotificatieLog } from '../../services/notificaties/notificatie-log';
import type { NotificationWorkflows } from '../../services/notificaties/notification-workflows';
import { createNotificatieReceiver, type NotificatieReceiverDeps } from '../../services/notificaties/receive';
import {
  DeleteMappingQuery,
  MappingBody,
  MappingIdParams,
  NotificatieBody,
  type MappingList,
  type NotificatieMapping,
  type NotificatieAccepted,
  type NotificatieResult,
} from '../../contract/notificaties';
import { NotificatieLogQuery, type NotificatieLogPage } from '../../contract/notificaties-log';
import { perCallerRateLimit } from './rate-limit';
import { check } from './validate';

export interface NotificatiesRouterDeps {
  auth: AuthDeps;
  cases: NotificatieReceiverDeps['cases'];
  caseIdOf: NotificatieReceiverDeps['caseIdOf'];
  log: NotificatieReceiverDeps['log'];
  /** Starts the workflow that reads the zaak behind a notification (mappings reading zaak.*, status.*, eigenschap:*). */
  workflows?: NotificationWorkflows;
  /** Callbacks per minute per API key (default 600). */
  rateLimitPerMinute?: number;
}

/**
 * Incoming VNG Notificaties API callbacks (POST /notificaties, an API key with
 * notificaties:receive as the abonnement's `auth`) and the admin's mappings, paths relative to /api/v1.
 */
export function createNotificatiesRouter(deps: NotificatiesRouterDeps): Router {
  const router = Router();
  const receiver = createNotificatieReceiver({
    db: deps.auth.store.db,
    cases: deps.cases,
    caseIdOf: deps.caseIdOf,
    log: deps.log,
    clock: deps.auth.clock,
    workflows: deps.workflows,
  });
  const admin = [authenticate(deps.auth), requireRole('admin')];
  const mappingDeps = { store: deps.auth.store, clock: deps.auth.clock };

  router.post(
    '/notificaties',
    authenticate(deps.auth),
    perCallerRateLimit(deps.rateLimitPerMinute ?? 600, deps.auth.store),
    requirePermission('notificaties:receive'),
    async (req, res) => {
      const body = check(NotificatieBody, 'body', req.body);
      const answer = await receiver.receive(getAuth(req).tenant, body);
      res.status(answer.status).json(answer.body satisfies NotificatieResult | NotificatieAccepted);
    },
  );

  router.get('/notificaties/log', ...admin, async (req, res) => {
    const query = check(NotificatieLogQuery, 'query', req.query);
    res.json(
      (await listNotificatieLog(deps.auth.store.db, getAuth(req).tenant, {
        limit: query.limit ?? 50,
        cursor: query.cursor,
        result: query.result,
      })) satisfies NotificatieLogPage,
    );
  });

  router.get('/notificatie-mappings', ...admin, async (req, res) => {
    res.json({ items: await listMappings(deps.auth.store.db, getAuth(req).tenant) } satisfies MappingList);
  });

  router.post('/notificatie-mappings', ...admin, async (req, res) => {
    const { reason, ...input } = check(MappingBody, 'body', req.body);
    const created = await createMapping(mappingDeps, getAuth(req), input, reason);
    res
      .status(201)
      .location(`/api/v1/notificatie-mappings/${created.id}`)
      .json(created satisfies NotificatieMapping);
  });

  router.get('/notificatie-mappings/:mappingId', ...admin, async (req, res) => {
    const { mappingId } = check(MappingIdParams, 'params', req.params);
    res.json((await getMapping(deps.auth.store.db, getAuth(req).tenant, mappingId)) satisfies NotificatieMapping);
  });

  router.put('/notificatie-mappings/:mappingId', ...admin, async (req, res) => {
    const { mappingId } = check(MappingIdParams, 'params', req.params);
    const { reason, ...input } = check(MappingBody, 'body', req.body);
    res.json((await replaceMapping(mappingDeps, getAuth(req), mappingId, input, reason)) satisfies NotificatieMapping);
  });

  router.delete('/notificatie-mappings/:mappingId', ...admin, async (req, res) => {
    const { mappingId } = check(MappingIdParams, 'params', req.params);
    const { reason } = check(DeleteMappingQuery, 'query', req.query);
    await deleteMapping(mappingDeps, getAuth(req), mappingId, reason);
    res.status(204).end();
  });

  return router;
}
