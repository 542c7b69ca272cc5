import type { LoginResponse, LogoutResponse, MeResponse, Role, User } from '../../../contract/auth';
import type { Tenant } from '../../../contract/tenants';
import { api, setCsrfToken } from './http';

export type { Role, User };

export interface Session {
  tenant: string;
  tenantName: string;
  user: User;
  roles: Role[];
  mustChangePassword: boolean;
}

async function tenantName(tenant: string): Promise<string> {
  try {
    return (await api<Tenant>('GET', `/api/v1/tenants/${encodeURIComponent(tenant)}`)).name;
  } catch {
    // A user with a one-time password may not read the tenant yet; the code is a fine stand-in.
    return tenant;
  }
}

/** The signed-in user, or undefined when there is no session. */
export async function currentSession(): Promise<Session | undefined> {
  let me: MeResponse;
  try {
    me = await api<MeResponse>('GET', '/api/v1/auth/me');
  } catch {
    return undefined;
  }
  if (!me.user) return undefined;
  setCsrfToken(me.csrfToken);
  return {
    tenant: me.tenant,
    tenantName: await tenantName(me.tenant),
    user: me.user,
    roles: me.roles,
    mustChangePassword: me.mustChangePassword ?? false,
  };
}

export async function login(tenant: string, username: string, password: string): Promise<Session> {
  const res = await api<LoginResponse>('POST', '/api/v1/auth/login', {
    tenant,
    username,
    password,
  });
  setCsrfToken(res.csrfToken);
  return {
    tenant: res.user.tenantId,
    tenantName: await tenantName(res.user.tenantId),
    user: res.user,
    roles: res.user.roles,
    mustChangePassword: res.mustChangePassword,
  };
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api('POST', '/api/v1/auth/password', { currentPassword, newPassword });
}

export async function logout(): Promise<void> {
  // A session from the municipality's identity provider ends there too (RP-initiated logout).
  const res = await api<LogoutResponse | undefined>('POST', '/api/v1/auth/logout');
  setCsrfToken(undefined);
  if (res?.redirectTo) window.location.assign(res.redirectTo);
}
