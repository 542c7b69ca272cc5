import type { SecretBox } from '../../platform/codec/secret-box';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { storeEgressGuard } from '../../platform/egress/store-guard';
import type { Clock } from '../../platform/store/clock';
import type { Db } from '../../platform/store/create-store';
import { sendWebhook } from '../webhooks/send-webhook';
import { findAlertConfigRow } from './alert-config';
import { openAlertSecret } from './alert-secret';
import type { Collected } from './collect-deadlines';
import { buildDigest, DIGEST_EVENT_TYPE, type DigestBody } from './digest';
import type { DigestLabels } from './digest-labels';
import { buildDigestEmail } from './digest-email';
import type { DeadlineDigestResult, DigestStatus, DigestTrigger } from '../../workflows/digest-input';
import { recordDigestAttempt } from './digest-log';
import { sendMail, type SmtpConfig } from './smtp';

const DAY_MS = 86_400_000;

export interface DigestSenderDeps {
  db: Db;
  /** Opens the digest's signing secret (the store's key ring). */
  secrets: SecretBox;
  clock: Clock;
  /** The deadlines of a municipality's running cases in [from, to). */
  collect: (tenant: string, from: Date, to: Date) => Promise<Collected>;
  /** Default: the store's guard with allowances from `env`. */
  egress?: EgressGuard;
  log?: { warn: (obj: object, msg: string) => void };
  smtp?: SmtpConfig;
  /** Sends an e-mail (default: the minimal SMTP client); tests capture the message. */
  sendMail?: typeof sendMail;
  env?: NodeJS.ProcessEnv;
  /** One HTTP attempt, connection to last byte. */
  timeoutMs?: number;
  /** Names of the municipality's processes and steps for the digest's readers. */
  labels?: (tenant: string, now: Date) => Promise<DigestLabels>;
}

export interface DigestRun {
  digestId: string;
  tenant: string;
  trigger: DigestTrigger;
  requestedBy?: string;
  attempt: number;
  /** The last attempt: a failure is final and the log says failed, not pending. */
  final: boolean;
}

type Delivered = { ok: boolean; statusCode: number | null; error: string | null };

/**
 * One attempt of one digest run: reads the configuration as it is now, collects the deadlines
 * in the window, builds the body of references, delivers it (signed webhook or e-mail) and
 * writes the outcome to the log. A receiver's failure is an outcome, not an exception: the
 * workflow decides whether to try again.
 */
export function createDigestSender(deps: DigestSenderDeps) {
  const egress = deps.egress ?? storeEgressGuard(deps.db, deps.env ?? process.env);
  async function deliver(
    config: NonNullable<Awaited<ReturnType<typeof findAlertConfigRow>>>,
    body: DigestBody,
    run: DigestRun,
  ): Promise<Delivered> {
    if (config.channel === 'email') {
      if (!deps.smtp)
        return { ok: false, statusCode: null, error: 'e-mail is not available without DOORSTROOM_SMTP_URL' };
      const mail = buildDigestEmail(body, { from: deps.smtp.from, to: config.email_to ?? '' });
      try {
        await (deps.sendMail ?? sendMail)(deps.smtp, { from: mail.from, to: mail.to }, mail.message);
        return { ok: true, statusCode: null, error: null };
      } catch (err) {
        // The mail server's own words stay in the server log: the tenant reads a generic code.
        deps.log?.warn({ tenant: run.tenant, err: (err as Error).message }, 'digest: e-mail failed');
        return {
          ok: false,
          statusCode: null,
          error: 'DELIVERY_FAILED: de e-mail kon niet worden verstuurd (the e-mail could not be sent).',
        };
      }
    }
    // The guard checks again at every delivery: allowances and DNS may have changed since saving.
    return sendWebhook(
      {
        url: config.url ?? '',
        tenant: run.tenant,
        secret: await openAlertSecret(deps.db, deps.secrets, config),
        body: JSON.stringify(body),
        eventId: run.digestId,
        eventType: DIGEST_EVENT_TYPE,
        attempt: run.attempt,
        timestamp: Math.floor(deps.clock().getTime() / 1000),
        timeoutMs: deps.timeoutMs ?? 10_000,
      },
      egress,
    );
  }

  return {
    async send(run: DigestRun): Promise<DeadlineDigestResult> {
      const now = deps.clock();
      const config = await findAlertConfigRow(deps.db, run.tenant);
      const base = {
        id: run.digestId,
        tenantId: run.tenant,
        trigger: run.trigger,
        requestedBy: run.requestedBy ?? null,
        attempt: run.attempt,
      };
      if (!config || (run.trigger === 'schedule' && Number(config.enabled) !== 1)) {
        const error = config ? 'the digest is switched off' : 'no digest is configured';
        await recordDigestAttempt(
          deps.db,
          {
            ...base,
            channel: config?.channel ?? 'none',
            target: '',
            status: 'skipped',
            caseCount: 0,
            deadlineCount: 0,
            windowFrom: null,
            windowTo: null,
            statusCode: null,
            error,
          },
          now.toISOString(),
        );
        return { digestId: run.digestId, status: 'skipped', caseCount: 0, deadlineCount: 0, statusCode: null, error };
      }
      const daysAhead = Number(config.days_ahead);
      const to = new Date(now.getTime() + daysAhead * DAY_MS);
      const collected = await deps.collect(run.tenant, now, to);
      const labels = deps.labels ? await deps.labels(run.tenant, now) : undefined;
      const body = buildDigest({
        id: run.digestId,
        tenant: run.tenant,
        generatedAt: now,
        from: now,
        to,
        daysAhead,
        entries: collected.entries,
        truncated: collected.truncated,
        ...(labels ? { labels } : {}),
      });
      const result = await deliver(config, body, run);
      const status: DigestStatus = result.ok ? 'sent' : run.final ? 'failed' : 'pending';
      await recordDigestAttempt(
        deps.db,
        {
          ...base,
          channel: config.channel,
          target: config.channel === 'email' ? `mailto:${config.email_to ?? ''}` : (config.url ?? ''),
          status,
          caseCount: body.totals.cases,
          deadlineCount: body.totals.deadlines,
          windowFrom: body.window.from,
          windowTo: body.window.to,
          statusCode: result.statusCode,
          error: result.error,
        },
        deps.clock().toISOString(),
      );
      return {
        digestId: run.digestId,
        status,
        caseCount: body.totals.cases,
        deadlineCount: body.totals.deadlines,
        statusCode: result.statusCode,
        error: result.error,
      };
    },
  };
}

export type DigestSender = ReturnType<typeof createDigestSender>;
