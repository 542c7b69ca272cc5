import { randomUUID } from 'node:crypto';
import { ApiError } from '../../platform/errors';
import type { Db } from '../../platform/store/create-store';
import { isUniqueViolation } from '../../platform/store/db-errors';
import { parseJson, toJson } from '../../platform/store/json';
import type { MonitorSavedFilterRow } from '../../platform/store/schema';
import type { SavedFilter, SavedFilterContent } from '../../contract/monitor';

export type { SavedFilter };

const toSavedFilter = (r: MonitorSavedFilterRow): SavedFilter => ({
  id: r.id,
  name: r.name,
  filter: parseJson<SavedFilterContent>(r.filter, {}),
  columns: parseJson<string[] | null>(r.columns, null),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A user's own saved case-list filters: nobody else sees or changes them. */
export async function listSavedFilters(db: Db, tenant: string, userId: string): Promise<SavedFilter[]> {
  const rows = await db
    .selectFrom('monitor_saved_filters')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
  return rows.map(toSavedFilter);
}

/** Saves under a name; the same name again replaces it. */
export async function saveFilter(
  db: Db,
  tenant: string,
  userId: string,
  input: { name: string; filter: SavedFilterContent; columns?: string[] | null },
  now: string,
): Promise<SavedFilter> {
  const existing = await db
    .selectFrom('monitor_saved_filters')
    .selectAll()
    .where('tenant_id', '=', tenant)
    .where('user_id', '=', userId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  const columns = input.columns ? toJson(input.columns) : null;
  if (existing) {
    await db
      .updateTable('monitor_saved_filters')
      .set({ filter: toJson(input.filter), columns, updated_at: now })
      .where('id', '=', existing.id)
      .execute();
    return toSavedFilter({ ...existing, filter: toJson(input.filter), columns, updated_at: now });
  }
  const row = {
    id: randomUUID(),
    tenant_id: tenant,
    user_id: userId,
    name: input.name,
    filter: toJson(input.filter),
    columns,
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('monitor_saved_filters').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) return saveFilter(db, tenant, userId, input, now);
    throw err;
  }
  return toSavedFilter(row);
}

export async function deleteSavedFilter(db: Db, tenant: string, userId: string, id: string): Promise<void> {
  const res = await db
    .deleteFrom('monitor_saved_filters')
    .where('id', '=', id)
    .where('tenant_id', '=', tenant)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0)
    throw new ApiError(404, 'NOT_FOUND', `No saved filter ${id}.`, '/params/filterId');
}
