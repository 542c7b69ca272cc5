import { countUsers } from './users';
import { createTenant, type TenantAdminDeps } from './tenant-admin';
import { NATIONAL_ADMIN } from './roles';
import { isUniqueViolation } from '../../platform/store/db-errors';
import { ApiError } from '../../platform/errors';

export interface BootstrapOptions {
  /** CBS code of the first municipality. */
  tenantId: string;
  tenantName: string;
  username: string;
  /** From DOORSTROOM_ADMIN_PASSWORD; when absent a one-time password is generated. */
  password?: string;
}

export type BootstrapResult =
  { created: false } | { created: true; tenantId: string; username: string; oneTimePassword?: string };

/** Reads the bootstrap settings from the environment, with working defaults. */
export function bootstrapOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): BootstrapOptions {
  return {
    tenantId: env.DOORSTROOM_ADMIN_TENANT ?? env.DOORSTROOM_TENANT ?? 'GM0000',
    tenantName: env.DOORSTROOM_ADMIN_TENANT_NAME ?? 'Landelijk beheer',
    username: env.DOORSTROOM_ADMIN_USERNAME ?? 'admin',
    ...(env.DOORSTROOM_ADMIN_PASSWORD ? { password: env.DOORSTROOM_ADMIN_PASSWORD } : {}),
  };
}

/** The lines to print after bootstrapping; the password appears here and nowhere else. */
export function bootstrapMessage(result: BootstrapResult): string | undefined {
  if (!result.created) return undefined;
  const who = `gemeente ${result.tenantId}, gebruiker ${result.username}`;
  return result.oneTimePassword
    ? `Eerste beheerder aangemaakt (first administrator created): ${who}\n` +
        `Eenmalig wachtwoord (one-time password, change it at first login): ${result.oneTimePassword}`
    : `Eerste beheerder aangemaakt met DOORSTROOM_ADMIN_PASSWORD (first administrator created): ${who}`;
}

/**
 * On first start (no user at all) creates the first municipality and an administrator who is
 * also national administrator. Without a configured password it returns a one-time password
 * for the caller to print; the user must change it at first login. Several replicas starting
 * together are fine: the loser of the race sees `created: false`.
 */
export async function bootstrapAdmin(deps: TenantAdminDeps, options: BootstrapOptions): Promise<BootstrapResult> {
  if ((await countUsers(deps.store.db)) > 0) return { created: false };
  try {
    const result = await createTenant(
      deps,
      { kind: 'system', id: 'bootstrap' },
      {
        id: options.tenantId,
        name: options.tenantName,
        admin: {
          username: options.username,
          roles: ['admin', NATIONAL_ADMIN],
          ...(options.password ? { password: options.password } : {}),
        },
      },
      'first start',
    );
    const oneTimePassword = result.admin?.oneTimePassword;
    return {
      created: true,
      tenantId: options.tenantId,
      username: options.username,
      ...(oneTimePassword ? { oneTimePassword } : {}),
    };
  } catch (err) {
    if (isUniqueViolation(err) || (err instanceof ApiError && err.status === 409)) return { created: false };
    throw err;
  }
}
