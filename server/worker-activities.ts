import { createWebhookActivities } from '../workflows/activities/webhooks';
import type { ActivityDeps } from '../workflows/activities';
import type { Log } from './log';
import type { Metrics } from './observability/metrics';
import type { Clock } from './store/clock';
import type { Store } from './store/create-store';
import { storeDefinitionSource, storeRuleSetSource } from './wiring/store-sources';

/**
 * What a production worker's activities need from the store: published rule sets and definitions,
 * and webhook delivery. Used by `npm start` and by `npm run worker` alike.
 */
export function storeBackedActivities(store: Store, clock: Clock, log: Log, metrics?: Metrics): { deps: Partial<ActivityDeps>; extra: object } {
  return {
    deps: { ruleSets: storeRuleSetSource(store), definitions: storeDefinitionSource(store, clock) },
    extra: createWebhookActivities({
      store,
      clock,
      log,
      onDeliveryEnded: (d) => {
        if (d.status === 'failed') metrics?.webhookFailures.inc();
      },
    }),
  };
}
