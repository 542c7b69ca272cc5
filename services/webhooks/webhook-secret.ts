import type { SecretBox } from '../../platform/codec/secret-box';
import type { Db } from '../../platform/store/create-store';
import type { WebhookSubscriptionRow } from '../../platform/store/schema';

/** The purpose a webhook secret is sealed under (as migration 0009 sealed the clear ones). */
export const WEBHOOK_SECRET_PURPOSE = 'webhook-secret';

export class WebhookSecretError extends Error {
  readonly code = 'WEBHOOK_SECRET_MISSING';
}

export function sealWebhookSecret(box: SecretBox, tenant: string, secret: string): string {
  return box.seal(secret, WEBHOOK_SECRET_PURPOSE, tenant);
}

/**
 * The clear secret of a subscription, to sign with. A secret still under an older key of the
 * ring is sealed again under the active one on the way (rotation: add a key in front, and every
 * secret moves to it at its next use; the old key can go once none needs it).
 */
export async function openWebhookSecret(db: Db, box: SecretBox, row: WebhookSubscriptionRow): Promise<string> {
  if (!row.secret_enc) throw new WebhookSecretError(`webhooks: subscription ${row.id} has no secret`);
  const secret = box.open(row.secret_enc, WEBHOOK_SECRET_PURPOSE, row.tenant_id);
  if (box.needsReencryption(row.secret_enc))
    await db
      .updateTable('webhook_subscriptions')
      .set({ secret_enc: sealWebhookSecret(box, row.tenant_id, secret) })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.id)
      .where('secret_enc', '=', row.secret_enc)
      .execute();
  return secret;
}
