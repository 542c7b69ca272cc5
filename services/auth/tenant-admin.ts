import { appendAudit } from '../audit/audit';
import { ApiError } from '../../platform/errors';
import { insertTenant, TenantExistsError, type Tenant } from '../../platform/store/tenants';
import { seedTenant } from '../versions/seed';
import type { ArtifactSeed, ContentValidator } from '../versions/types';
import type { AuthDeps } from './deps';
import { generatePassword, hashPassword } from './password';
import type { Role } from './roles';
import { insertUser, type User } from './users';

export interface TenantAdminDeps extends AuthDeps {
  /** The built-in templates and definitions for a new municipality (version 1 of each). */
  seeds: (tenantId: string) => readonly ArtifactSeed[] | Promise<readonly ArtifactSeed[]>;
  validateContent: ContentValidator;
}

export interface NewTenantInput {
  id: string;
  name: string;
  /** The municipality's first administrator; gets a one-time password. */
  admin?: { username: string; displayName?: string; roles?: Role[]; password?: string };
}

export interface CreatedTenant {
  tenant: Tenant;
  admin?: { user: User; oneTimePassword?: string };
}

type AuditActor = { kind: 'user' | 'apiKey' | 'system'; id: string; tenant?: string };

/**
 * A new municipality, its seeded templates and (optionally) its first admin, in one
 * transaction. Recorded in the new tenant's audit trail, and in the actor's own.
 */
export async function createTenant(
  deps: TenantAdminDeps,
  actor: AuditActor,
  input: NewTenantInput,
  reason?: string,
): Promise<CreatedTenant> {
  const seeds = await deps.seeds(input.id);
  const generated = input.admin && input.admin.password === undefined ? generatePassword() : undefined;
  const password = input.admin?.password ?? generated;
  const passwordHash = password !== undefined ? await hashPassword(password, deps.config.scrypt) : null;
  const now = deps.clock().toISOString();
  try {
    return await deps.store.transaction(async (trx) => {
      const tenant = await insertTenant(trx, { id: input.id, name: input.name }, now);
      const seeded = await seedTenant(trx, tenant.id, seeds, deps.validateContent, now);
      const entry = {
        actor: { kind: actor.kind, id: actor.id },
        action: 'tenant.create',
        target: { type: 'tenant', id: tenant.id },
        reason: reason ?? null,
        details: { name: tenant.name, seeded },
      };
      await appendAudit(trx, { tenantId: tenant.id, ...entry }, now);
      if (actor.tenant && actor.tenant !== tenant.id) await appendAudit(trx, { tenantId: actor.tenant, ...entry }, now);
      if (!input.admin) return { tenant };
      const user = await insertUser(
        trx,
        {
          tenantId: tenant.id,
          username: input.admin.username,
          displayName: input.admin.displayName ?? null,
          roles: input.admin.roles ?? ['admin'],
          passwordHash,
          mustChangePassword: generated !== undefined,
        },
        now,
      );
      await appendAudit(
        trx,
        {
          tenantId: tenant.id,
          actor: { kind: actor.kind, id: actor.id },
          action: 'user.create',
          target: { type: 'user', id: user.id },
          details: { username: user.username, roles: user.roles },
        },
        now,
      );
      return { tenant, admin: { user, ...(generated !== undefined ? { oneTimePassword: generated } : {}) } };
    });
  } catch (err) {
    if (err instanceof TenantExistsError)
      throw new ApiError(409, err.code, `Gemeente ${input.id} bestaat al (municipality already exists).`, '/body/id');
    throw err;
  }
}
