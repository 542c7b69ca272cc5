import type { ActivityName, DoorstroomActivities } from '../workflows/activity-types';
import { createAlertActivities, type AlertActivityDeps } from './activities/alerts';
import { createCaseActivities, type CaseActivityDeps } from './activities/case-activities';
import { createWebhookActivities, type WebhookActivityDeps } from './activities/webhooks';
import { createZgwNotificationActivities, type NotificatieActivityDeps } from './activities/zgw-notification';
import { createZgwSyncActivities, type ZgwSyncActivityDeps } from './activities/zgw-sync';

/** Everything the worker's activities need, all of it required: the store's in production, fakes in tests. */
export type ActivityDeps = CaseActivityDeps &
  WebhookActivityDeps &
  AlertActivityDeps &
  ZgwSyncActivityDeps &
  NotificatieActivityDeps;

/** Every activity a workflow may call, by name: a name left out, or one too many, does not compile. */
export type ActivityRegistry = { readonly [K in ActivityName]: DoorstroomActivities[K] };

/**
 * The worker's one activity registry, the same in production and in tests (only the deps differ).
 * Each name is written once here; an object literal refuses a second property of the same name,
 * so no spread can quietly replace an activity.
 */
export function createActivityRegistry(deps: ActivityDeps): ActivityRegistry {
  const cases = createCaseActivities(deps);
  const webhooks = createWebhookActivities(deps);
  const alerts = createAlertActivities(deps);
  const zgw = createZgwSyncActivities(deps);
  const notificaties = createZgwNotificationActivities(deps);
  return {
    notify: cases.notify,
    evaluateDecision: cases.evaluateDecision,
    issueBesluit: cases.issueBesluit,
    resolveDefinition: cases.resolveDefinition,
    publishCaseEvent: cases.publishCaseEvent,
    recordPlacement: cases.recordPlacement,
    deliverWebhook: webhooks.deliverWebhook,
    markWebhookFailed: webhooks.markWebhookFailed,
    sendDeadlineDigest: alerts.sendDeadlineDigest,
    zgwEnsureZaak: zgw.zgwEnsureZaak,
    zgwSetStatus: zgw.zgwSetStatus,
    zgwRegisterBesluit: zgw.zgwRegisterBesluit,
    zgwCloseZaak: zgw.zgwCloseZaak,
    readNotificationZaak: notificaties.readNotificationZaak,
    applyNotificationMapping: notificaties.applyNotificationMapping,
    recordNotificationOutcome: notificaties.recordNotificationOutcome,
  };
}
