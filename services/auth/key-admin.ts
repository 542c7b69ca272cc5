import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import { insertApiKey, revokeApiKey, findApiKey, type ApiKey } from './api-keys';
import type { AuthContext } from './auth-context';
import type { AuthDeps } from './deps';
import type { Permission } from './roles';

/** Creates a key for the admin's own municipality; the secret is returned once. */
export async function createApiKey(
  deps: AuthDeps,
  auth: AuthContext,
  input: { name: string; permissions: Permission[] },
  reason?: string,
): Promise<{ apiKey: ApiKey; secret: string }> {
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const created = await insertApiKey(
      trx,
      { tenantId: auth.tenant, name: input.name, permissions: input.permissions, createdBy: auth.actor.id },
      now,
    );
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: { kind: auth.actor.kind, id: auth.actor.id },
        action: 'apiKey.create',
        target: { type: 'apiKey', id: created.apiKey.id },
        reason: reason ?? null,
        details: { name: input.name, prefix: created.apiKey.prefix, permissions: input.permissions },
      },
      now,
    );
    return created;
  });
}

export async function revokeKey(deps: AuthDeps, auth: AuthContext, id: string, reason?: string): Promise<ApiKey> {
  const now = deps.clock().toISOString();
  return deps.store.transaction(async (trx) => {
    const existing = await findApiKey(trx, auth.tenant, id);
    if (!existing)
      throw new ApiError(404, 'NOT_FOUND', 'API-sleutel niet gevonden (API key not found).', '/params/keyId');
    if (existing.revokedAt) return existing;
    const revoked = await revokeApiKey(trx, auth.tenant, id, now);
    await appendAudit(
      trx,
      {
        tenantId: auth.tenant,
        actor: { kind: auth.actor.kind, id: auth.actor.id },
        action: 'apiKey.revoke',
        target: { type: 'apiKey', id },
        reason: reason ?? null,
        details: { name: existing.name, prefix: existing.prefix },
      },
      now,
    );
    return revoked ?? existing;
  });
}
