import type { Db } from '../store/create-store';

/** The municipality's named internal hosts: deliveries to these may go to private addresses. */
export async function listInternalHosts(db: Db, tenant: string): Promise<string[]> {
  const rows = await db
    .selectFrom('egress_internal_hosts')
    .select('host')
    .where('tenant_id', '=', tenant)
    .orderBy('host')
    .execute();
  return rows.map((r) => r.host);
}
