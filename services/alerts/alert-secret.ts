import { sealedSecretKind } from '../../platform/codec/sealed-secret';
import type { SecretBox } from '../../platform/codec/secret-box';
import type { Db } from '../../platform/store/create-store';
import type { AlertDigestConfigRow } from '../../platform/store/schema';

/** A digest's signing secret, sealed under the purpose migration 0016 sealed the clear ones with. */
const alertSecret = sealedSecretKind('alert-digest-secret');
export const ALERT_SECRET_PURPOSE = alertSecret.purpose;

export function sealAlertSecret(box: SecretBox, tenant: string, secret: string): string {
  return alertSecret.seal(box, tenant, secret);
}

/** The clear signing secret of a municipality's digest; one under an older ring key is sealed again on the way. */
export async function openAlertSecret(db: Db, box: SecretBox, row: AlertDigestConfigRow): Promise<string> {
  if (!row.secret_enc) throw new Error(`alerts: the digest of ${row.tenant_id} has no secret`);
  return alertSecret.open(box, row.tenant_id, row.secret_enc, (fresh, old) =>
    db
      .updateTable('alert_digest_configs')
      .set({ secret_enc: fresh })
      .where('tenant_id', '=', row.tenant_id)
      .where('secret_enc', '=', old)
      .execute(),
  );
}
