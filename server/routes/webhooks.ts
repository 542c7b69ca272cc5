import { Router } from 'express';
import { authenticate, getAuth, requireRole, type AuthDeps } from '../auth';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { listInternalHosts } from '../../platform/egress/internal-hosts';
import { putInternalHosts } from '../../services/webhooks/internal-hosts-admin';
import { getDelivery, listDeliveries } from '../../services/webhooks/deliveries';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
} from '../../services/webhooks/subscriptions';
import {
  CreateSubscriptionBody,
  DeleteSubscriptionQuery,
  DeliveryIdParams,
  InternalHostsBody,
  ListDeliveriesQuery,
  RotateSecretBody,
  SubscriptionIdParams,
  UpdateSubscriptionBody,
  type DeliveryList,
  type InternalHostsList,
  type SubscriptionList,
  type SubscriptionWithSecret,
  type WebhookDelivery,
  type WebhookSubscription,
} from '../../contract/webhooks';
import { check } from './validate';

export interface WebhooksRouterDeps {
  /** Store, clock and auth config: the StoreDeps the app already has fit. */
  auth: AuthDeps;
  /** Checks subscription URLs as deliveries will; default the store's guard. */
  egress?: EgressGuard;
}

/**
 * Outgoing webhooks of the admin's own municipality, paths relative to /api/v1:
 * subscriptions (the secret is shown once) and the delivery log.
 */
export function createWebhooksRouter(deps: WebhooksRouterDeps): Router {
  const router = Router();
  // Per route, not router.use: this router is mounted at /api/v1 beside others.
  const guard = [authenticate(deps.auth), requireRole('admin')];
  const db = () => deps.auth.store.db;
  const subDeps = { store: deps.auth.store, clock: deps.auth.clock, egress: deps.egress };

  router.get('/webhooks/subscriptions', ...guard, async (req, res) => {
    res.json({ items: await listSubscriptions(db(), getAuth(req).tenant) } satisfies SubscriptionList);
  });

  router.post('/webhooks/subscriptions', ...guard, async (req, res) => {
    const body = check(CreateSubscriptionBody, 'body', req.body);
    const created = await createSubscription(subDeps, getAuth(req), body, body.reason);
    res
      .status(201)
      .location(`/api/v1/webhooks/subscriptions/${created.subscription.id}`)
      .json(created satisfies SubscriptionWithSecret);
  });

  router.get('/webhooks/subscriptions/:subscriptionId', ...guard, async (req, res) => {
    const { subscriptionId } = check(SubscriptionIdParams, 'params', req.params);
    res.json((await getSubscription(db(), getAuth(req).tenant, subscriptionId)) satisfies WebhookSubscription);
  });

  router.patch('/webhooks/subscriptions/:subscriptionId', ...guard, async (req, res) => {
    const { subscriptionId } = check(SubscriptionIdParams, 'params', req.params);
    const { reason, ...patch } = check(UpdateSubscriptionBody, 'body', req.body);
    res.json(
      (await updateSubscription(subDeps, getAuth(req), subscriptionId, patch, reason)) satisfies WebhookSubscription,
    );
  });

  router.delete('/webhooks/subscriptions/:subscriptionId', ...guard, async (req, res) => {
    const { subscriptionId } = check(SubscriptionIdParams, 'params', req.params);
    const { reason } = check(DeleteSubscriptionQuery, 'query', req.query);
    await deleteSubscription(subDeps, getAuth(req), subscriptionId, reason);
    res.status(204).end();
  });

  router.post('/webhooks/subscriptions/:subscriptionId/rotate-secret', ...guard, async (req, res) => {
    const { subscriptionId } = check(SubscriptionIdParams, 'params', req.params);
    const body = check(RotateSecretBody, 'body', req.body ?? {});
    res.json((await rotateSecret(subDeps, getAuth(req), subscriptionId, body.reason)) satisfies SubscriptionWithSecret);
  });

  router.get('/webhooks/deliveries', ...guard, async (req, res) => {
    const query = check(ListDeliveriesQuery, 'query', req.query);
    res.json({ items: await listDeliveries(db(), getAuth(req).tenant, query) } satisfies DeliveryList);
  });

  router.get('/webhooks/deliveries/:deliveryId', ...guard, async (req, res) => {
    const { deliveryId } = check(DeliveryIdParams, 'params', req.params);
    res.json((await getDelivery(db(), getAuth(req).tenant, deliveryId)) satisfies WebhookDelivery);
  });

  router.get('/webhooks/internal-hosts', ...guard, async (req, res) => {
    res.json({ hosts: await listInternalHosts(db(), getAuth(req).tenant) } satisfies InternalHostsList);
  });

  router.put('/webhooks/internal-hosts', ...guard, async (req, res) => {
    const body = check(InternalHostsBody, 'body', req.body);
    res.json({
      hosts: await putInternalHosts(subDeps, getAuth(req), body.hosts, body.reason),
    } satisfies InternalHostsList);
  });

  return router;
}
