import type { Db } from '../../platform/store/create-store';
import { oidcDb } from './oidc/oidc-tables';

/** A municipality the national administrator disabled: its sessions and API keys stop working. */
export async function tenantDisabled(db: Db, tenant: string): Promise<boolean> {
  const row = await oidcDb(db).selectFrom('tenants').select('disabled_at').where('id', '=', tenant).executeTakeFirst();
  return !!row?.disabled_at;
}
