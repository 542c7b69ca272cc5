import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import type { AuthContext } from '../auth/auth-context';
import { ApiError } from '../../platform/errors';
import type { Clock } from '../../platform/store/clock';
import type { Db, Store } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { AlertDigestConfigRow } from '../../platform/store/schema';
import type { EgressGuard } from '../../platform/egress/egress-guard';
import { storeEgressGuard } from '../../platform/egress/store-guard';
import { checkWebhookUrl } from '../webhooks/url-policy';
import { digestScheduleId, type DeadlineDigestResult } from '../../workflows/digest-input';
import { DIGEST_TIMEZONE, type DigestCalendar, type DigestScheduler } from './digest-schedule';
import type { AlertConfig } from '../../contract/alerts';
import { sealAlertSecret } from './alert-secret';

export type DigestDelivery = { channel: 'webhook'; url: string } | { channel: 'email'; to: string };

/** The municipality's digest configuration as the API shows it (contract/alerts.ts): never the secret. */
export type { AlertConfig };

export interface AlertConfigInput {
  enabled: boolean;
  daysAhead: number;
  schedule: DigestCalendar;
  delivery: { channel: 'webhook' | 'email'; url?: string; to?: string };
}

export interface AlertConfigDeps {
  store: Store;
  clock: Clock;
  scheduler: DigestScheduler;
  /** E-mail is offered only with an SMTP server (DOORSTROOM_SMTP_URL). */
  emailAvailable: boolean;
  env?: NodeJS.ProcessEnv;
  /** Checks the URL as deliveries will; default the store's guard with allowances from `env`. */
  egress?: EgressGuard;
}

export function toAlertConfig(row: AlertDigestConfigRow): AlertConfig {
  const schedule = parseJson<DigestCalendar>(row.schedule, { hour: 7, minute: 0 });
  const enabled = Number(row.enabled) === 1;
  return {
    tenantId: row.tenant_id,
    enabled,
    daysAhead: Number(row.days_ahead),
    schedule: {
      hour: schedule.hour,
      minute: schedule.minute,
      daysOfWeek: schedule.daysOfWeek ?? [],
      timezone: DIGEST_TIMEZONE,
    },
    delivery:
      row.channel === 'email'
        ? { channel: 'email', to: row.email_to ?? '' }
        : { channel: 'webhook', url: row.url ?? '' },
    scheduleId: enabled ? digestScheduleId(row.tenant_id) : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const notFound = () =>
  new ApiError(404, 'NOT_FOUND', 'Geen termijnoverzicht ingesteld (no deadline digest configured).', '/path');
const actorOf = (auth: AuthContext) => ({ kind: auth.actor.kind, id: auth.actor.id });
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const targetOf = (row: Pick<AlertDigestConfigRow, 'channel' | 'url' | 'email_to'>) =>
  row.channel === 'email' ? `mailto:${row.email_to ?? ''}` : (row.url ?? '');

export async function findAlertConfigRow(db: Db, tenant: string): Promise<AlertDigestConfigRow | undefined> {
  return db.selectFrom('alert_digest_configs').selectAll().where('tenant_id', '=', tenant).executeTakeFirst();
}

export async function getAlertConfig(db: Db, tenant: string): Promise<AlertConfig> {
  const row = await findAlertConfigRow(db, tenant);
  if (!row) throw notFound();
  return toAlertConfig(row);
}

/** The checks a schema cannot make: which field a channel needs, the URL policy, SMTP present. */
async function checkDelivery(
  deps: AlertConfigDeps,
  tenant: string,
  delivery: AlertConfigInput['delivery'],
): Promise<DigestDelivery> {
  if (delivery.channel === 'webhook') {
    if (!delivery.url)
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        '/body/delivery/url: required for channel webhook',
        '/body/delivery/url',
      );
    await checkWebhookUrl(
      delivery.url,
      deps.egress ?? storeEgressGuard(deps.store.db, deps.env ?? process.env),
      tenant,
      '/body/delivery/url',
    );
    return { channel: 'webhook', url: delivery.url };
  }
  if (!deps.emailAvailable) {
    throw new ApiError(
      400,
      'ALERT_EMAIL_UNAVAILABLE',
      'E-mail is niet beschikbaar: er is geen SMTP-server ingesteld (e-mail needs DOORSTROOM_SMTP_URL); kies webhook.',
      '/body/delivery/channel',
    );
  }
  if (!delivery.to)
    throw new ApiError(400, 'VALIDATION_FAILED', '/body/delivery/to: required for channel email', '/body/delivery/to');
  return { channel: 'email', to: delivery.to };
}

/**
 * Creates or replaces the configuration and, in the same transaction, brings the Temporal
 * Schedule in line (created or updated when enabled, deleted when not): if Temporal refuses,
 * nothing is saved. The signing secret is returned on creation only.
 */
export async function putAlertConfig(
  deps: AlertConfigDeps,
  auth: AuthContext,
  input: AlertConfigInput,
  reason?: string,
): Promise<{ config: AlertConfig; secret?: string; created: boolean }> {
  const delivery = await checkDelivery(deps, auth.tenant, input.delivery);
  const now = deps.clock().toISOString();
  const calendar: DigestCalendar = {
    hour: input.schedule.hour,
    minute: input.schedule.minute,
    daysOfWeek: input.schedule.daysOfWeek ?? [],
  };
  return deps.store.transaction(async (trx) => {
    const existing = await findAlertConfigRow(trx, auth.tenant);
    // A new configuration gets a secret, shown in this answer only; the store keeps it sealed.
    const fresh = existing ? undefined : newSecret();
    const row: AlertDigestConfigRow = {
      tenant_id: auth.tenant,
      enabled: input.enabled ? 1 : 0,
      days_ahead: input.daysAhead,
      schedule: toJson(calendar),
      channel: delivery.channel,
      url: delivery.channel === 'webhook' ? delivery.url : null,
      email_to: delivery.channel === 'email' ? delivery.to : null,
      secret_enc: existing?.secret_enc ?? sealAlertSecret(deps.store.secrets, auth.tenant, fresh ?? newSecret()),
      created_by: existing?.created_by ?? auth.actor.id,
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    if (existing) await trx.updateTable('alert_digest_configs').set(row).where('tenant_id', '=', auth.tenant).execute();
    else await trx.insertInto('alert_digest_configs').values(row).execute();
    const config = toAlertConfig(row);
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: existing ? 'alert.update' : 'alert.create',
        target: { type: 'alertDigest', id: auth.tenant },
        before: existing ? targetOf(existing) : null,
        after: targetOf(row),
        reason: reason ?? null,
        details: {
          enabled: config.enabled,
          daysAhead: config.daysAhead,
          schedule: config.schedule,
          channel: delivery.channel,
        },
      },
      now,
    );
    if (input.enabled) await deps.scheduler.upsert(auth.tenant, calendar);
    else await deps.scheduler.remove(auth.tenant);
    return { config, created: !existing, ...(fresh === undefined ? {} : { secret: fresh }) };
  });
}

/** Removes the configuration and its schedule; the log of sent digests stays. */
export async function deleteAlertConfig(deps: AlertConfigDeps, auth: AuthContext, reason?: string): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.store.transaction(async (trx) => {
    const existing = await findAlertConfigRow(trx, auth.tenant);
    if (!existing) throw notFound();
    await trx.deleteFrom('alert_digest_configs').where('tenant_id', '=', auth.tenant).execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'alert.delete',
        target: { type: 'alertDigest', id: auth.tenant },
        before: targetOf(existing),
        reason: reason ?? null,
      },
      now,
    );
    await deps.scheduler.remove(auth.tenant);
  });
}

/** A new signing secret, returned once; the old one stops working at once. */
export async function rotateAlertSecret(
  deps: AlertConfigDeps,
  auth: AuthContext,
  reason?: string,
): Promise<{ config: AlertConfig; secret: string }> {
  const now = deps.clock().toISOString();
  const secret = newSecret();
  return deps.store.transaction(async (trx) => {
    const existing = await findAlertConfigRow(trx, auth.tenant);
    if (!existing) throw notFound();
    await trx
      .updateTable('alert_digest_configs')
      .set({ secret_enc: sealAlertSecret(deps.store.secrets, auth.tenant, secret), updated_at: now })
      .where('tenant_id', '=', auth.tenant)
      .execute();
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: actorOf(auth),
        action: 'alert.rotateSecret',
        target: { type: 'alertDigest', id: auth.tenant },
        reason: reason ?? null,
      },
      now,
    );
    return { config: toAlertConfig({ ...existing, updated_at: now }), secret };
  });
}

/**
 * Sends a digest now, also while the schedule is switched off (to try a receiver first). The
 * request is audited once the run has started; the log entry shows how it ended.
 */
export async function sendAlertNow(
  deps: AlertConfigDeps,
  auth: AuthContext,
  reason?: string,
  waitMs = 30_000,
): Promise<{ digestId: string; result?: DeadlineDigestResult }> {
  const existing = await findAlertConfigRow(deps.store.db, auth.tenant);
  if (!existing) throw notFound();
  const run = await deps.scheduler.startNow(auth.tenant, auth.actor.id);
  await appendAudit(
    deps.store.db,
    {
      tenantId: auth.tenant,
      actor: actorOf(auth),
      action: 'alert.sendNow',
      target: { type: 'alertDigest', id: auth.tenant },
      after: run.digestId,
      reason: reason ?? null,
      details: { target: targetOf(existing) },
    },
    deps.clock().toISOString(),
  );
  return { digestId: run.digestId, result: await run.result(waitMs) };
}

/**
 * Brings every municipality's schedule in line with the store (at start-up): a Temporal
 * cluster restored from an older backup, or a dev server with a fresh database, gets back the
 * schedules the configurations ask for. Idempotent.
 */
export async function reconcileDigestSchedules(db: Db, scheduler: DigestScheduler): Promise<{ scheduled: string[] }> {
  const rows = await db.selectFrom('alert_digest_configs').selectAll().orderBy('tenant_id').execute();
  const scheduled: string[] = [];
  for (const row of rows) {
    if (Number(row.enabled) !== 1) continue;
    await scheduler.upsert(row.tenant_id, parseJson<DigestCalendar>(row.schedule, { hour: 7, minute: 0 }));
    scheduled.push(row.tenant_id);
  }
  return { scheduled };
}
