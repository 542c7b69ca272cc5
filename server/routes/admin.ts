import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { ReasonBody } from '../../contract/common';
import { MunicipalityParams, SessionParams, WebhookTestParams } from '../../contract/identity-provider';
import { storeEgressGuard } from '../../platform/egress/store-guard';
import { ApiError } from '../../platform/errors';
import { appendAudit } from '../../services/audit/audit';
import { listMunicipalityStates, setMunicipalityDisabled } from '../../services/auth/municipality-state';
import { endSession, listSessions } from '../../services/auth/session-admin';
import { NATIONAL_ADMIN } from '../../services/auth/roles';
import { MUNICIPALITIES, MUNICIPALITIES_YEAR } from '../../services/municipalities/municipalities';
import { sendWebhook } from '../../services/webhooks/send-webhook';
import { findSubscriptionRow } from '../../services/webhooks/subscriptions';
import { openWebhookSecret } from '../../services/webhooks/webhook-secret';
import { authenticate, requireRole, requireUser } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import type { StoreDeps } from './store-deps';
import { check } from './validate';

/**
 * What the administration screens need beside the existing routes (paths relative to /api/v1):
 * for the national administrator the municipalities with their state, the CBS list to create
 * them from, disabling and enabling; for a municipality's administrator a signed test delivery.
 */
export function createAdminRouter(deps: StoreDeps): Router {
  const router = Router();
  const national = [authenticate(deps), requireRole(NATIONAL_ADMIN)];

  router.get('/admin/municipalities', ...national, async (_req, res) => {
    res.json({ items: await listMunicipalityStates(deps.store) });
  });

  router.get('/admin/cbs-municipalities', ...national, async (_req, res) => {
    const existing = new Set((await listMunicipalityStates(deps.store)).map((m) => m.id));
    res.json({
      year: MUNICIPALITIES_YEAR,
      items: MUNICIPALITIES.map((m) => ({ ...m, exists: existing.has(m.code) })),
    });
  });

  for (const [path, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    router.post(`/admin/municipalities/:tenantId/${path}`, ...national, async (req, res) => {
      const { tenantId } = check(MunicipalityParams, 'params', req.params);
      const { reason } = check(ReasonBody, 'body', req.body ?? {});
      const auth = getAuth(req);
      const state = await setMunicipalityDisabled(
        deps.store,
        tenantId,
        disabled,
        { kind: auth.actor.kind, id: auth.actor.id, tenant: auth.tenant },
        reason,
        deps.clock().toISOString(),
      );
      res.json(state);
    });
  }

  /** Live sessions: an administrator sees the municipality's, anyone else their own; either may end one. */
  router.get('/sessions', authenticate(deps), requireUser, async (req, res) => {
    const auth = getAuth(req);
    const own = !auth.roles.includes('admin');
    res.json({ items: await listSessions(deps.store, auth.tenant, deps.clock(), own ? auth.actor.id : undefined) });
  });

  router.delete('/sessions/:sessionId', authenticate(deps), requireUser, async (req, res) => {
    const { sessionId } = check(SessionParams, 'params', req.params);
    const auth = getAuth(req);
    await endSession(
      deps.store,
      auth.tenant,
      sessionId,
      auth.actor,
      !auth.roles.includes('admin'),
      deps.clock().toISOString(),
    );
    res.status(204).end();
  });

  /** One signed test event to the subscription's URL, through the egress guard; not in the delivery log. */
  router.post(
    '/webhooks/subscriptions/:subscriptionId/test',
    authenticate(deps),
    requireRole('admin'),
    async (req, res) => {
      const { subscriptionId } = check(WebhookTestParams, 'params', req.params);
      const auth = getAuth(req);
      const row = await findSubscriptionRow(deps.store.db, auth.tenant, subscriptionId);
      if (!row)
        throw new ApiError(
          404,
          'NOT_FOUND',
          'Abonnement niet gevonden (webhook subscription not found).',
          '/params/subscriptionId',
        );
      const now = deps.clock();
      const eventId = `test-${randomUUID()}`;
      const body = JSON.stringify({
        id: eventId,
        type: 'doorstroom.test',
        tenant: auth.tenant,
        occurredAt: now.toISOString(),
        data: { message: 'Testbericht van Doorstroom (test delivery)' },
      });
      const result = await sendWebhook(
        {
          url: row.url,
          tenant: auth.tenant,
          secret: await openWebhookSecret(deps.store.db, deps.store.secrets, row),
          body,
          eventId,
          eventType: 'doorstroom.test',
          attempt: 1,
          timestamp: Math.floor(now.getTime() / 1000),
          timeoutMs: 10_000,
        },
        deps.oidc?.egress ?? storeEgressGuard(deps.store.db),
      );
      await appendAudit(
        deps.store.db,
        {
          tenantId: auth.tenant,
          actor: auth.actor,
          action: 'webhook.test',
          target: { type: 'webhookSubscription', id: row.id },
          details: { ok: result.ok, statusCode: result.statusCode },
        },
        now.toISOString(),
      );
      res.json({ ...result, eventId });
    },
  );

  return router;
}
