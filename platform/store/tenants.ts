import type { Db } from './create-store';
import { isUniqueViolation } from './db-errors';
import type { TenantRow } from './schema';

export interface Tenant {
  id: string;
  name: string;
  createdAt: string;
}

export { TENANT_ID_PATTERN } from '../../contract/common';

export class TenantExistsError extends Error {
  readonly code = 'TENANT_EXISTS';
  constructor(id: string) {
    super(`Tenants: municipality ${id} already exists`);
  }
}

export function toTenant(row: TenantRow): Tenant {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export async function insertTenant(db: Db, tenant: { id: string; name: string }, now: string): Promise<Tenant> {
  try {
    await db.insertInto('tenants').values({ id: tenant.id, name: tenant.name, created_at: now }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new TenantExistsError(tenant.id);
    throw err;
  }
  return { id: tenant.id, name: tenant.name, createdAt: now };
}

export async function findTenant(db: Db, id: string): Promise<Tenant | undefined> {
  const row = await db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTenant(row);
}

export async function listTenants(db: Db): Promise<Tenant[]> {
  const rows = await db.selectFrom('tenants').selectAll().orderBy('id').execute();
  return rows.map(toTenant);
}

export async function renameTenant(db: Db, id: string, name: string): Promise<Tenant | undefined> {
  await db.updateTable('tenants').set({ name }).where('id', '=', id).execute();
  return findTenant(db, id);
}
