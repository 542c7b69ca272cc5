import type { SecretBox } from '../../platform/codec/secret-box';
import type { Db } from '../../platform/store/create-store';
import type { AlertDigestConfigRow } from '../../platform/store/schema';

/** The purpose a digest's signing secret is sealed under (as migration 0016 sealed the clear ones). */
export const ALERT_SECRET_PURPOSE = 'alert-digest-secret';

export function sealAlertSecret(box: SecretBox, tenant: string, secret: string): string {
  return box.seal(secret, ALERT_SECRET_PURPOSE, tenant);
}

/**
 * The clear signing secret of a municipality's digest, to sign with. A secret still under an
 * older key of the ring is sealed again under the active one on the way (rotation), like webhook
 * subscriptions' secrets.
 */
export async function openAlertSecret(db: Db, box: SecretBox, row: AlertDigestConfigRow): Promise<string> {
  if (!row.secret_enc) throw new Error(`alerts: the digest of ${row.tenant_id} has no secret`);
  const secret = box.open(row.secret_enc, ALERT_SECRET_PURPOSE, row.tenant_id);
  if (box.needsReencryption(row.secret_enc))
    await db
      .updateTable('alert_digest_configs')
      .set({ secret_enc: sealAlertSecret(box, row.tenant_id, secret) })
      .where('tenant_id', '=', row.tenant_id)
      .where('secret_enc', '=', row.secret_enc)
      .execute();
  return secret;
}
