import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { collectDeadlines } from '../../services/alerts/collect-deadlines';
import type { DeadlineDigestResult } from '../../workflows/digest-input';
import { digestLabelsFromStore } from '../../services/alerts/digest-labels';
import { createDigestSender, type DigestRun } from '../../services/alerts/send-digest';
import { smtpConfigFromEnv, type sendMail, type SmtpConfig } from '../../services/alerts/smtp';
import { systemClock, type Clock } from '../../platform/store/clock';
import type { Store } from '../../platform/store/create-store';
import type { EgressGuard } from '../../platform/egress/egress-guard';

export interface AlertActivityDeps {
  store: Pick<Store, 'db'>;
  clock?: Clock;
  /** Default: the worker's own client and namespace (Activity Context). */
  client?: Client;
  namespace?: string;
  /** Default: from DOORSTROOM_SMTP_URL in `env`; absent means no e-mail. */
  smtp?: SmtpConfig | null;
  env?: NodeJS.ProcessEnv;
  /** Every outbound request goes through it; default the store's guard. */
  egress?: EgressGuard;
  sendMail?: typeof sendMail;
  /** Called once a digest run ends, e.g. to count failures in /metrics. */
  onDigestEnded?: (d: { tenant: string; status: DeadlineDigestResult['status'] }) => void;
}

/** Activities of deadline alerts: one attempt of one digest (collect, build, deliver, log). */
export function createAlertActivities(deps: AlertActivityDeps) {
  const env = deps.env ?? process.env;
  const sender = createDigestSender({
    db: deps.store.db,
    clock: deps.clock ?? systemClock,
    labels: (tenant, now) => digestLabelsFromStore(deps.store.db, tenant, now),
    env,
    egress: deps.egress,
    sendMail: deps.sendMail,
    smtp: deps.smtp === null ? undefined : (deps.smtp ?? smtpConfigFromEnv(env)),
    collect: (tenant, from, to) => {
      const ctx = Context.current();
      return collectDeadlines(
        {
          client: deps.client ?? ctx.client,
          namespace: deps.namespace ?? ctx.info.workflowNamespace ?? ctx.client.options.namespace,
        },
        tenant,
        from,
        to,
      );
    },
  });

  return {
    async sendDeadlineDigest(run: DigestRun): Promise<DeadlineDigestResult> {
      const result = await sender.send(run);
      if (result.status !== 'pending') deps.onDigestEnded?.({ tenant: run.tenant, status: result.status });
      return result;
    },
  };
}

export type AlertActivities = ReturnType<typeof createAlertActivities>;
