import { sealedSecretKind } from '../../platform/codec/sealed-secret';
import type { SecretBox } from '../../platform/codec/secret-box';
import type { Db } from '../../platform/store/create-store';
import type { WebhookSubscriptionRow } from '../../platform/store/schema';

/** A webhook subscription's HMAC key, sealed under the purpose migration 0009 sealed the clear ones with. */
const webhookSecret = sealedSecretKind('webhook-secret');
export const WEBHOOK_SECRET_PURPOSE = webhookSecret.purpose;

export class WebhookSecretError extends Error {
  readonly code = 'WEBHOOK_SECRET_MISSING';
}

export function sealWebhookSecret(box: SecretBox, tenant: string, secret: string): string {
  return webhookSecret.seal(box, tenant, secret);
}

/** The clear secret of a subscription, to sign with; one under an older ring key is sealed again on the way. */
export async function openWebhookSecret(db: Db, box: SecretBox, row: WebhookSubscriptionRow): Promise<string> {
  if (!row.secret_enc) throw new WebhookSecretError(`webhooks: subscription ${row.id} has no secret`);
  return webhookSecret.open(box, row.tenant_id, row.secret_enc, (fresh, old) =>
    db
      .updateTable('webhook_subscriptions')
      .set({ secret_enc: fresh })
      .where('tenant_id', '=', row.tenant_id)
      .where('id', '=', row.id)
      .where('secret_enc', '=', old)
      .execute(),
  );
}
