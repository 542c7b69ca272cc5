import { randomUUID } from 'node:crypto';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import type { WebhookDeliveryRow } from '../../platform/store/schema';

import type { DeliveryStatus } from '../../contract/webhooks';
import type { CaseEventType } from '../../workflows/case-event';

export { DELIVERY_STATUSES, type DeliveryStatus } from '../../contract/webhooks';

/** One event for one subscription: its state, attempts and the receiver's last answer. */
export interface WebhookDelivery {
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventId: string;
  eventType: CaseEventType;
  caseId: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
}

export function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type as CaseEventType,
    caseId: row.case_id,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
  };
}

/** The log entry of (subscription, event), made once: a second publish finds the first. */
export async function ensureDelivery(
  db: Db,
  entry: {
    tenantId: string;
    subscriptionId: string;
    eventId: string;
    eventType: string;
    caseId: string;
    workflowId: string;
  },
  now: string,
): Promise<{ delivery: WebhookDelivery; created: boolean; workflowId: string }> {
  const id = randomUUID();
  await db
    .insertInto('webhook_deliveries')
    .values({
      id,
      tenant_id: entry.tenantId,
      subscription_id: entry.subscriptionId,
      event_id: entry.eventId,
      event_type: entry.eventType,
      case_id: entry.caseId,
      workflow_id: entry.workflowId,
      status: 'pending',
      attempts: 0,
      last_status_code: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      delivered_at: null,
      failed_at: null,
    })
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', entry.subscriptionId)
    .where('event_id', '=', entry.eventId)
    .executeTakeFirstOrThrow();
  // The id the delivery was first started with: an entry logged before ids named the municipality keeps its own.
  return { delivery: toDelivery(row), created: row.id === id, workflowId: row.workflow_id };
}

export async function findDeliveryRow(db: Db, tenant: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getDelivery(db: Db, tenant: string, id: string): Promise<WebhookDelivery> {
  const row = await findDeliveryRow(db, tenant, id);
  if (!row)
    throw new ApiError(404, 'NOT_FOUND', 'Aflevering niet gevonden (delivery not found).', '/params/deliveryId');
  return toDelivery(row);
}

export interface DeliveryFilter {
  subscriptionId?: string;
  status?: DeliveryStatus;
  eventId?: string;
  caseId?: string;
  limit?: number;
}

/** The tenant's delivery log, newest first. */
export async function listDeliveries(db: Db, tenant: string, filter: DeliveryFilter = {}): Promise<WebhookDelivery[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('tenant_id', '=', tenant);
  if (filter.subscriptionId) q = q.where('subscription_id', '=', filter.subscriptionId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.eventId) q = q.where('event_id', '=', filter.eventId);
  if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  return rows.map(toDelivery);
}

/** One attempt's result; a delivered entry stays delivered whatever a late retry reports. */
export async function recordAttempt(
  db: Db,
  id: string,
  result: { attempt: number; statusCode: number | null; error: string | null; delivered: boolean },
  now: string,
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: result.attempt,
      last_status_code: result.statusCode,
      last_error: result.error,
      updated_at: now,
      ...(result.delivered ? { status: 'delivered', delivered_at: now } : {}),
    })
    .where('id', '=', id)
    .where('status', '!=', 'delivered')
    .execute();
}

/** The retry budget is spent: the entry says so, with the last error kept. */
export async function markFailed(db: Db, id: string, error: string, now: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', failed_at: now, updated_at: now, last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
