import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { tenantOfCaseId } from '../cases/case-id';
import { systemClock, type Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import {
  EVENT_ID_PATTERN,
  INVALID_EVENT,
  isCaseEventType,
  type CaseEventType,
  type PublishedCaseEvent,
} from '../../workflows/case-event';
import { ensureDelivery } from './deliveries';
import {
  DEFAULT_DELIVERY_RETRY,
  deliveryWorkflowId,
  WEBHOOK_DELIVERY_WORKFLOW,
  type DeliveryRetryPolicy,
  type WebhookDeliveryInput,
} from '../../workflows/webhook-delivery-input';
import { activeSubscriptions, subscribedEventTypes, subscribedTo } from './subscriptions';
import { handToZgwSync, zgwLinkedProcesses, zgwSubscribedTypes } from '../zgw/zgw-sync-start';
import type { ZgwRetryPolicy } from '../../workflows/zgw-sync-input';

export interface EventPublisherDeps {
  store: Pick<Store, 'db'>;
  /** The Temporal client, or a function giving it (an activity passes the worker's). */
  client: Client | (() => Client);
  /** Task queue of the worker that runs the delivery workflow (the interpreter's). */
  taskQueue: string | (() => string);
  clock?: Clock;
  /** Overrides of the retry budget (tests use seconds). */
  retry?: Partial<DeliveryRetryPolicy>;
  /** Overrides of the ZGW write-back's retry policy (tests use seconds). */
  zgwRetry?: Partial<ZgwRetryPolicy>;
  log?: { info: (obj: object, msg: string) => void };
}

export interface PublishResult {
  eventId: string;
  deliveries: Array<{ subscriptionId: string; deliveryId: string; workflowId: string; started: boolean }>;
  /** Every event type the tenant has an active subscription to now (the case remembers it for a while). */
  subscribedTypes: CaseEventType[];
  /** The ZGW sync workflow the event was handed to, when its process is linked to a zaaktype. */
  zgwSync?: string;
}

export class EventPublishError extends Error {
  constructor(
    readonly code: typeof INVALID_EVENT,
    message: string,
  ) {
    super(`EventPublisher: ${message}`);
    this.name = 'EventPublishError';
  }
}

/** Without an id, the same occurrence gets the same id: publishing it twice stays one event. */
export function deriveEventId(event: PublishedCaseEvent): string {
  const key = JSON.stringify([
    event.type,
    event.tenant,
    event.caseId,
    event.processId,
    event.step ?? null,
    event.outcome ?? null,
    event.deadline ?? null,
    event.occurredAt,
  ]);
  return `evt_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

function checkEvent(event: PublishedCaseEvent): void {
  if (!isCaseEventType(event.type))
    throw new EventPublishError(INVALID_EVENT, `unknown event type ${String(event.type)}`);
  if (tenantOfCaseId(event.caseId) !== event.tenant)
    throw new EventPublishError(INVALID_EVENT, `case ${event.caseId} does not belong to tenant ${event.tenant}`);
  if (event.id !== undefined && !EVENT_ID_PATTERN.test(event.id))
    throw new EventPublishError(INVALID_EVENT, `event id must match ${EVENT_ID_PATTERN.source}`);
  if (Number.isNaN(Date.parse(event.occurredAt)))
    throw new EventPublishError(INVALID_EVENT, 'occurredAt must be an ISO-8601 instant');
}

/**
 * The one entry point for case events: finds the tenant's active subscriptions to the event's
 * type and starts one delivery workflow per subscription. Idempotent per (event id,
 * subscription): the log entry is unique and Temporal refuses a second workflow with the id.
 */
export function createEventPublisher(deps: EventPublisherDeps) {
  const clock = deps.clock ?? systemClock;
  const retry: DeliveryRetryPolicy = { ...DEFAULT_DELIVERY_RETRY, ...deps.retry };
  const client = () => (typeof deps.client === 'function' ? deps.client() : deps.client);
  const taskQueue = () => (typeof deps.taskQueue === 'function' ? deps.taskQueue() : deps.taskQueue);

  return {
    async publish(input: PublishedCaseEvent): Promise<PublishResult> {
      checkEvent(input);
      const event = { ...input, id: input.id ?? deriveEventId(input) };
      const active = await activeSubscriptions(deps.store.db, event.tenant);
      const subscriptions = subscribedTo(active, event.type);
      const deliveries: PublishResult['deliveries'] = [];
      for (const sub of subscriptions) {
        const { delivery, created, workflowId } = await ensureDelivery(
          deps.store.db,
          {
            tenantId: event.tenant,
            subscriptionId: sub.id,
            eventId: event.id,
            eventType: event.type,
            caseId: event.caseId,
            workflowId: deliveryWorkflowId(event.tenant, sub.id, event.id),
          },
          clock().toISOString(),
        );
        // Delivered or failed before: also after Temporal has forgotten the workflow (retention).
        if (!created && delivery.status !== 'pending') {
          deliveries.push({ subscriptionId: sub.id, deliveryId: delivery.id, workflowId, started: false });
          continue;
        }
        const workflowInput: WebhookDeliveryInput = {
          deliveryId: delivery.id,
          tenant: event.tenant,
          subscriptionId: sub.id,
          event: stripToReferences(event),
          retry,
        };
        let started = true;
        try {
          await client().workflow.start(WEBHOOK_DELIVERY_WORKFLOW, {
            taskQueue: taskQueue(),
            workflowId,
            args: [workflowInput],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          started = false;
        }
        deliveries.push({ subscriptionId: sub.id, deliveryId: delivery.id, workflowId, started });
      }
      // The ZGW write-back is one more subscriber: a linked process's events go to its case's sync.
      const linked = await zgwLinkedProcesses(deps.store.db, event.tenant);
      const zgwSync = await handToZgwSync(
        { client: client(), taskQueue: taskQueue(), retry: deps.zgwRetry },
        linked,
        stripToReferences(event),
      );
      deps.log?.info(
        { tenant: event.tenant, eventId: event.id, type: event.type, subscriptions: deliveries.length },
        'case event published',
      );
      const subscribedTypes = [...new Set([...subscribedEventTypes(active), ...zgwSubscribedTypes(linked)])].sort();
      return { eventId: event.id, deliveries, subscribedTypes, ...(zgwSync ? { zgwSync } : {}) };
    },
  };
}

/** Only the reference fields travel on, even if a caller attached more. */
function stripToReferences(e: PublishedCaseEvent & { id: string }): PublishedCaseEvent & { id: string } {
  return {
    id: e.id,
    type: e.type,
    tenant: e.tenant,
    caseId: e.caseId,
    processId: e.processId,
    occurredAt: e.occurredAt,
    ...(e.step !== undefined ? { step: e.step } : {}),
    ...(e.outcome !== undefined ? { outcome: e.outcome } : {}),
    ...(e.deadline !== undefined ? { deadline: { id: e.deadline.id, at: e.deadline.at } } : {}),
    ...(e.decision !== undefined ? { decision: e.decision } : {}),
  };
}

export type EventPublisher = ReturnType<typeof createEventPublisher>;
