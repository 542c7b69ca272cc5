import { randomBytes, randomUUID } from 'node:crypto';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { storeEgressGuard } from '../../platform/egress/store-guard';
import { checkWebhookUrl } from './url-policy';
import { appendAudit } from '../audit/audit';
import type { AuthContext } from '../auth/auth-context';
import { ApiError } from '../../platform/errors';
import type { Clock } from '../../platform/store/clock';
import type { Db, Store } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { WebhookSubscriptionRow } from '../../platform/store/schema';
import type { CaseEventSubscriptions, CaseEventType } from '../../workflows/case-event';
import { sealWebhookSecret } from './webhook-secret';
import { zgwLinkedProcesses, zgwSubscribedTypes } from '../zgw/zgw-sync-start';

/** A subscription as the API shows it: never the secret (that is shown once). */
export interface WebhookSubscription {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: CaseEventType[];
  description: string | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionDeps {
  store: Store;
  clock: Clock;
  /** Checks URLs as deliveries will; default the store's guard. */
  egress?: EgressGuard;
}

const guardOf = (deps: SubscriptionDeps) => deps.egress ?? storeEgressGuard(deps.store.db);

export function toSubscription(row: WebhookSubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    url: row.url,
    eventTypes: parseJson<CaseEventType[]>(row.event_types, []),
    description: row.description,
    active: row.disabled_at === null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** 32 random bytes, prefixed so a leaked secret is recognisable in a scan. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

const notFound = () =>
  new ApiError(
    404,
    'NOT_FOUND',
    'Abonnement niet gevonden (webhook subscription not found).',
    '/params/subscriptionId',
  );
const actorOf = (auth: AuthContext) => ({ kind: auth.actor.kind, id: auth.actor.id });

export async function listSubscriptions(db: Db, tenant: string): Promise<WebhookSubscription[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function findSubscriptionRow(
  db: Db,
  tenant: string,
  id: string,
): Promise<WebhookSubscriptionRow | undefined> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getSubscription(db: Db, tenant: string, id: string): Promise<WebhookSubscription> {
  const row = await findSubscriptionRow(db, tenant, id);
  if (!row) throw notFound();
  return toSubscription(row);
}

/** The tenant's active subscriptions. */
export async function activeSubscriptions(db: Db, tenant: string): Promise<WebhookSubscriptionRow[]> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Of these subscriptions, those to one event type. */
export function subscribedTo(rows: WebhookSubscriptionRow[], type: CaseEventType): WebhookSubscriptionRow[] {
  return rows.filter((r) => parseJson<string[]>(r.event_types, []).includes(type));
}

/** The event types with at least one active subscription of the tenant (what a case needs to know). */
export function subscribedEventTypes(rows: WebhookSubscriptionRow[]): CaseEventType[] {
  const types = new Set<CaseEventType>();
  for (const r of rows) for (const t of parseJson<CaseEventType[]>(r.event_types, [])) types.add(t);
  return [...types].sort();
}

/**
 * What a case starting now should know of its municipality's subscriptions (CaseInput.caseEvents):
 * the webhook subscriptions', and the ZGW write-back's when a process is linked to a zaaktype.
 */
export async function caseEventSubscriptions(db: Db, tenant: string, now: Date): Promise<CaseEventSubscriptions> {
  const webhooks = subscribedEventTypes(await activeSubscriptions(db, tenant));
  const zgw = zgwSubscribedTypes(await zgwLinkedProcesses(db, tenant));
  return { types: [...new Set([...webhooks, ...zgw])].sort(), asOf: now.toISOString() };
}

export interface SubscriptionInput {
  url: string;
  eventTypes: CaseEventType[];
  description?: string | null;
  active?: boolean;
}

/** Creates a subscription; the secret is returned here and never again. */
export async function createSubscription(
  deps: SubscriptionDeps,
  auth: AuthContext,
  input: SubscriptionInput,
  reason?: string,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  await checkWebhookUrl(input.url, guardOf(deps), auth.tenant);
  const now = deps.clock().toISOString();
  const secret = newSecret();
  const row: WebhookSubscriptionRow = {
    id: randomUUID(),
    tenant_id: auth.tenant,
    url: input.url,
    event_types: toJson(input.eventTypes),
    description: input.description ?? null,
    secret_enc: sealWebhookSecret(deps.store.secrets, auth.tenant, secret),
    created_by: auth.actor.id,
    created_at: now,
    updated_at: now,
    disabled_at: input.active === false ? now : null,
  };
  await deps.store.transaction(async (trx) => {
    await trx.insertInto('webhook_subscriptions').values(row).execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'webhook.create',
        target: { type: 'webhookSubscription', id: row.id },
        after: row.url,
        reason: reason ?? null,
        details: { url: row.url, eventTypes: input.eventTypes, active: input.active !== false },
      },
      now,
    );
  });
  return { subscription: toSubscription(row), secret };
}

export async function updateSubscription(
  deps: SubscriptionDeps,
  auth: AuthContext,
  id: string,
  patch: Partial<SubscriptionInput>,
  reason?: string,
): Promise<WebhookSubscription> {
  if (patch.url !== undefined) await checkWebhookUrl(patch.url, guardOf(deps), auth.tenant);
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const existing = await findSubscriptionRow(trx, auth.tenant, id);
    if (!existing) throw notFound();
    const changes: Partial<WebhookSubscriptionRow> = { updated_at: now };
    if (patch.url !== undefined) changes.url = patch.url;
    if (patch.eventTypes !== undefined) changes.event_types = toJson(patch.eventTypes);
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.active !== undefined) changes.disabled_at = patch.active ? null : (existing.disabled_at ?? now);
    await trx
      .updateTable('webhook_subscriptions')
      .set(changes)
      .where('tenant_id', '=', auth.tenant)
      .where('id', '=', id)
      .execute();
    const updated = { ...existing, ...changes };
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'webhook.update',
        target: { type: 'webhookSubscription', id },
        before: existing.url,
        after: updated.url,
        reason: reason ?? null,
        details: { changed: Object.keys(patch) },
      },
      now,
    );
    return toSubscription(updated);
  });
}

/** A new secret, returned once; the old one stops working at once. */
export async function rotateSecret(
  deps: SubscriptionDeps,
  auth: AuthContext,
  id: string,
  reason?: string,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const now = deps.clock().toISOString();
  const secret = newSecret();
  return deps.store.transaction(async (trx) => {
    const existing = await findSubscriptionRow(trx, auth.tenant, id);
    if (!existing) throw notFound();
    await trx
      .updateTable('webhook_subscriptions')
      .set({ secret_enc: sealWebhookSecret(deps.store.secrets, auth.tenant, secret), updated_at: now })
      .where('tenant_id', '=', auth.tenant)
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'webhook.rotateSecret',
        target: { type: 'webhookSubscription', id },
        reason: reason ?? null,
      },
      now,
    );
    return { subscription: toSubscription({ ...existing, updated_at: now }), secret };
  });
}

/** Removes a subscription; its delivery log stays, pending deliveries to it end as failed. */
export async function deleteSubscription(
  deps: SubscriptionDeps,
  auth: AuthContext,
  id: string,
  reason?: string,
): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.store.transaction(async (trx) => {
    const existing = await findSubscriptionRow(trx, auth.tenant, id);
    if (!existing) throw notFound();
    await trx.deleteFrom('webhook_subscriptions').where('tenant_id', '=', auth.tenant).where('id', '=', id).execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'webhook.delete',
        target: { type: 'webhookSubscription', id },
        before: existing.url,
        reason: reason ?? null,
        details: { url: existing.url, eventTypes: parseJson<string[]>(existing.event_types, []) },
      },
      now,
    );
  });
}
