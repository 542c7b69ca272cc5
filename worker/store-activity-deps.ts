import { Context } from '@temporalio/activity';
import { collectDeadlines } from '../services/alerts/collect-deadlines';
import { digestLabelsFromStore } from '../services/alerts/digest-labels';
import { createDigestSender } from '../services/alerts/send-digest';
import { smtpConfigFromEnv, type sendMail, type SmtpConfig } from '../services/alerts/smtp';
import { besluitIssuer } from '../services/besluiten/besluit-issuer';
import { createBesluitService } from '../services/besluiten/besluit-service';
import { createSqlQuotaLedger } from '../services/quota/sql-quota-ledger';
import { createDeliverer } from '../services/webhooks/deliver';
import { createEventPublisher } from '../services/webhooks/publisher';
import { storeDefinitionSource, storeRuleSetSource } from '../services/wiring/store-sources';
import { findBesluit } from '../services/besluiten/besluit-store';
import { createZgwConnections } from '../services/zgw/zgw-connection';
import { caseIdFor } from '../services/cases/case-id';
import { createCaseService } from '../services/cases/case-service';
import { recordOutcome } from '../services/notificaties/notificatie-log';
import { caseEventSubscriptions } from '../services/webhooks/subscriptions';
import { ApiError } from '../platform/errors';
import { createZgwWriteBack } from '../services/zgw/zgw-write-back';
import { storeEgressGuard } from '../platform/egress/store-guard';
import { SA_CASE_REF } from '../workflows/search-attributes';
import type { EgressGuard } from '../platform/egress/egress-guard';
import type { Log } from '../platform/log';
import type { Metrics } from '../platform/observability/metrics';
import { systemClock, type Clock } from '../platform/store/clock';
import type { Store } from '../platform/store/create-store';
import type { DeliveryRetryPolicy } from '../workflows/webhook-delivery-input';
import type { ActivityDeps } from './activity-registry';

export interface StoreActivityOptions {
  log: Pick<Log, 'info' | 'warn'>;
  clock?: Clock;
  metrics?: Pick<Metrics, 'webhookFailures'>;
  /** Overrides of the webhook retry budget (tests use seconds). */
  retry?: Partial<DeliveryRetryPolicy>;
  /** Every outbound request goes through it; default the store's guard. */
  egress?: EgressGuard;
  /** Default: from DOORSTROOM_SMTP_URL in `env`; null means no e-mail. */
  smtp?: SmtpConfig | null;
  env?: NodeJS.ProcessEnv;
  sendMail?: typeof sendMail;
  /** The case-id secret (services/cases/case-id.ts): notifications read from their zaak start cases and send events with it. */
  idSecret?: Buffer;
}

/**
 * What a production worker's activities need, from the store: published rule sets and
 * definitions, besluiten, the taakstelling ledger, the case-event publisher, webhook delivery and
 * deadline digests. `npm start`, `npm run worker` and the store-backed tests use it alike.
 */
export function storeActivityDeps(store: Store, opts: StoreActivityOptions): ActivityDeps {
  const clock = opts.clock ?? systemClock;
  const env = opts.env ?? process.env;
  const ruleSets = storeRuleSetSource(store);
  const zgwConnections = createZgwConnections({
    db: store.db,
    box: store.secrets,
    egress: opts.egress ?? storeEgressGuard(store.db),
    clock,
  });
  return {
    log: opts.log,
    // The log line of `notify` is the notification for now; the Notificaties API comes later.
    deliver: () => Promise.resolve(),
    ruleSets,
    definitions: storeDefinitionSource(store, clock),
    quota: createSqlQuotaLedger(store, clock),
    besluiten: besluitIssuer(createBesluitService({ store, clock }), ruleSets),
    // Called from an activity: the worker's own client and task queue start the deliveries.
    events: createEventPublisher({
      store,
      clock,
      log: opts.log,
      retry: opts.retry,
      client: () => Context.current().client,
      taskQueue: () => Context.current().info.taskQueue,
    }),
    deliverer: createDeliverer({ db: store.db, secrets: store.secrets, clock, egress: opts.egress }),
    onDeliveryEnded: (d) => {
      if (d.status === 'failed') opts.metrics?.webhookFailures.inc();
    },
    digests: createDigestSender({
      db: store.db,
      secrets: store.secrets,
      clock,
      labels: (tenant, now) => digestLabelsFromStore(store.db, tenant, now),
      env,
      egress: opts.egress,
      sendMail: opts.sendMail,
      log: opts.log,
      smtp: opts.smtp === null ? undefined : (opts.smtp ?? smtpConfigFromEnv(env)),
      collect: (tenant, from, to) => {
        const ctx = Context.current();
        const namespace = ctx.info.workflowNamespace ?? ctx.client.options.namespace;
        return collectDeadlines({ client: ctx.client, namespace }, tenant, from, to);
      },
    }),
    // Notifications whose mapping reads the zaak (workflows/zgw-notification.ts): the case service
    // runs on the activity's own client and task queue.
    notificaties: {
      zgwClientFor: zgwConnections.zgwClientFor,
      cases: () => {
        const ctx = Context.current();
        if (!opts.idSecret)
          throw new ApiError(503, 'TEMPORAL_UNAVAILABLE', 'Deze worker kent het case-id-geheim niet (no id secret).');
        return createCaseService({
          client: ctx.client,
          namespace: ctx.info.workflowNamespace ?? ctx.client.options.namespace,
          taskQueue: ctx.info.taskQueue,
          idSecret: opts.idSecret,
          definitions: storeDefinitionSource(store, clock),
          caseEvents: (tenant) => caseEventSubscriptions(store.db, tenant, clock()),
        });
      },
      caseIdOf: (tenant, processId, caseRef) => {
        if (!opts.idSecret)
          throw new ApiError(503, 'TEMPORAL_UNAVAILABLE', 'Deze worker kent het case-id-geheim niet (no id secret).');
        return caseIdFor(opts.idSecret, tenant, processId, caseRef);
      },
      recordOutcome: (tenant, key, outcome) => recordOutcome(store.db, tenant, key, outcome, clock().toISOString()),
    },
    zgw: createZgwWriteBack({
      store,
      clock,
      clientFor: zgwConnections.zgwClientFor,
      // The reference is a search attribute of the case (pseudonymous, checked at start).
      caseRefOf: async (_tenant, caseId) => {
        const description = await Context.current().client.workflow.getHandle(caseId).describe();
        return description.typedSearchAttributes.get(SA_CASE_REF);
      },
      besluitPdf: async (tenant, caseId, besluitId) => {
        const b = await findBesluit(store.db, store.secrets, tenant, caseId, besluitId);
        return b && { pdf: b.pdf, decidedAt: b.decidedAt };
      },
    }),
  };
}
