import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/store/create-store';
import { parseJson, toJson } from '../../platform/store/json';
import type { ApiKeyRow } from '../../platform/store/schema';
import type { Permission } from './roles';
import { randomToken, sha256 } from './tokens';

/** An API key as the API shows it: never the secret, never its hash. */
export interface ApiKey {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Recognisable in logs and by secret scanners; the rest is 32 random bytes. */
export const API_KEY_PREFIX = 'dsk_';
const VISIBLE_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    prefix: row.prefix,
    permissions: parseJson<Permission[]>(row.permissions, []),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export interface NewApiKey {
  tenantId: string;
  name: string;
  permissions: Permission[];
  createdBy: string;
}

/** Creates a key; the returned secret is shown once and never stored. */
export async function insertApiKey(db: Db, input: NewApiKey, now: string): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
  const row: ApiKeyRow = {
    id: randomUUID(),
    tenant_id: input.tenantId,
    name: input.name,
    prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
    key_hash: sha256(secret),
    permissions: toJson(input.permissions),
    created_by: input.createdBy,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_keys').values(row).execute();
  return { apiKey: toApiKey(row), secret };
}

/** Writing `last_used_at` on every call would make every API read a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The live key for a presented secret, or undefined when unknown or revoked. Records its use. */
export async function useApiKey(db: Db, secret: string, now: Date): Promise<ApiKey | undefined> {
  if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', sha256(secret)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return undefined;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    row.last_used_at = now.toISOString();
    await db.updateTable('api_keys').set({ last_used_at: row.last_used_at }).where('id', '=', row.id).execute();
  }
  return toApiKey(row);
}

export async function listApiKeys(db: Db, tenantId: string): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
  return rows.map(toApiKey);
}

export async function findApiKey(db: Db, tenantId: string, id: string): Promise<ApiKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toApiKey(row);
}

export async function revokeApiKey(db: Db, tenantId: string, id: string, now: string): Promise<ApiKey | undefined> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return findApiKey(db, tenantId, id);
}
