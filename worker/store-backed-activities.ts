import { Context } from '@temporalio/activity';
import { createAlertActivities } from './activities/alerts';
import { createWebhookActivities } from './activities/webhooks';
import type { ActivityDeps } from './activities';
import { besluitIssuer } from '../services/besluiten/besluit-issuer';
import { createBesluitService } from '../services/besluiten/besluit-service';
import type { Log } from '../platform/log';
import type { Metrics } from '../platform/observability/metrics';
import type { Clock } from '../platform/store/clock';
import type { Store } from '../platform/store/create-store';
import { createSqlQuotaLedger } from '../services/quota/sql-quota-ledger';
import { createEventPublisher } from '../services/webhooks/publisher';
import { storeDefinitionSource, storeRuleSetSource } from '../services/wiring/store-sources';

/**
 * What a production worker's activities need from the store: published rule sets and definitions,
 * the taakstelling ledger, case events for webhooks, and webhook delivery. Used by `npm start` and
 * by `npm run worker` alike.
 */
export function storeBackedActivities(
  store: Store,
  clock: Clock,
  log: Log,
  metrics?: Metrics,
): { deps: Partial<ActivityDeps>; extra: object } {
  const ruleSets = storeRuleSetSource(store);
  return {
    deps: {
      ruleSets,
      besluiten: besluitIssuer(createBesluitService({ store, clock }), ruleSets),
      definitions: storeDefinitionSource(store, clock),
      quota: createSqlQuotaLedger(store, clock),
      // Called from an activity: the worker's own client and task queue start the deliveries.
      events: createEventPublisher({
        store,
        clock,
        log,
        client: () => Context.current().client,
        taskQueue: () => Context.current().info.taskQueue,
      }),
    },
    extra: {
      ...createAlertActivities({ store, clock }),
      ...createWebhookActivities({
        store,
        clock,
        log,
        onDeliveryEnded: (d) => {
          if (d.status === 'failed') metrics?.webhookFailures.inc();
        },
      }),
    },
  };
}
