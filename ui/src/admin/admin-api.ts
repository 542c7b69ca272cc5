import type { Permission, Role } from '../../../contract/auth';
import { api } from '../api/http';
import type { User } from '../api/session';

/** The administration's calls; types follow the API contract (contract/), the UI imports types only. */

export interface AdminUser extends User {
  disabled: boolean;
  identityProvider?: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Subscription {
  id: string;
  url: string;
  eventTypes: string[];
  description: string | null;
  active: boolean;
  createdAt: string;
}

export interface Delivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  caseId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  updatedAt: string;
}

export interface Mapping {
  id: string;
  name: string;
  kanaal: string;
  resource: string;
  actie: string;
  action: { kind: 'start-case' | 'send-event'; processId: string; eventName?: string };
  active: boolean;
}

export interface RoleMapping {
  value: string;
  roles: Role[];
}

export interface IdpSettings {
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  roleClaim: string;
  roleMap: RoleMapping[];
  enabled: boolean;
  localLogin: boolean;
}

export interface IdpView {
  settings: IdpSettings | null;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface PostalAddress {
  street: string;
  postcode: string;
  city: string;
}

export interface Profile {
  name: string;
  address: PostalAddress | null;
  objectionAddress: PostalAddress | null;
  signatory: { name: string; function: string } | null;
  byeLaw: { name: string; year: number; articles: Record<string, string> } | null;
  court: string | null;
}

export interface ProfileView {
  profile: Profile;
  completeness: { complete: boolean; missing: { code: string; message: { nl: string; en: string } }[] };
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { kind: string; id: string };
  action: string;
  target: { type: string; id: string | null };
  reason: string | null;
}

export interface MunicipalityState {
  id: string;
  name: string;
  disabled: boolean;
}

export interface SessionView {
  id: string;
  userId: string;
  username: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  identityProvider: boolean;
}

export type AuditFilter = Partial<Record<'action' | 'actorId' | 'targetType' | 'from' | 'to', string>>;

const v1 = (path: string) => `/api/v1${path}`;
const items = <T>(r: { items: T[] }) => r.items;
const withReason = (reason: string) => (reason.trim() ? { reason: reason.trim() } : {});

export function auditQuery(filter: AuditFilter, before?: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && v.trim()) q.set(k, v.trim());
  if (before !== undefined) q.set('before', String(before));
  return q.toString();
}

export const adminApi = {
  users: () => api<{ items: AdminUser[] }>('GET', v1('/users')).then(items),
  createUser: (username: string, displayName: string, roles: Role[], reason: string) =>
    api<{ user: AdminUser; oneTimePassword: string }>('POST', v1('/users'), {
      username,
      ...(displayName ? { displayName } : {}),
      roles,
      ...withReason(reason),
    }),
  patchUser: (id: string, patch: { roles?: Role[]; disabled?: boolean; unlock?: true }, reason = '') =>
    api<AdminUser>('PATCH', v1(`/users/${id}`), { ...patch, ...withReason(reason) }),
  resetPassword: (id: string) =>
    api<{ user: AdminUser; oneTimePassword: string }>('POST', v1(`/users/${id}/reset-password`), {}),

  apiKeys: () => api<{ items: ApiKey[] }>('GET', v1('/api-keys')).then(items),
  createApiKey: (name: string, permissions: Permission[], reason: string) =>
    api<{ apiKey: ApiKey; secret: string }>('POST', v1('/api-keys'), { name, permissions, ...withReason(reason) }),
  revokeApiKey: (id: string) => api<ApiKey>('POST', v1(`/api-keys/${id}/revoke`), {}),

  subscriptions: () => api<{ items: Subscription[] }>('GET', v1('/webhooks/subscriptions')).then(items),
  createSubscription: (url: string, eventTypes: string[], description: string) =>
    api<{ subscription: Subscription; secret: string }>('POST', v1('/webhooks/subscriptions'), {
      url,
      eventTypes,
      ...(description ? { description } : {}),
    }),
  deleteSubscription: (id: string) => api<void>('DELETE', v1(`/webhooks/subscriptions/${id}`)),
  testSubscription: (id: string) =>
    api<{ ok: boolean; statusCode: number | null; error: string | null }>(
      'POST',
      v1(`/webhooks/subscriptions/${id}/test`),
      {},
    ),
  deliveries: () => api<{ items: Delivery[] }>('GET', v1('/webhooks/deliveries?limit=50')).then(items),

  mappings: () => api<{ items: Mapping[] }>('GET', v1('/notificatie-mappings')).then(items),
  createMapping: (body: unknown) => api<Mapping>('POST', v1('/notificatie-mappings'), body),
  putMapping: (id: string, body: unknown) => api<Mapping>('PUT', v1(`/notificatie-mappings/${id}`), body),
  getMapping: (id: string) => api<Mapping & Record<string, unknown>>('GET', v1(`/notificatie-mappings/${id}`)),
  deleteMapping: (id: string) => api<void>('DELETE', v1(`/notificatie-mappings/${id}`)),

  profile: () => api<ProfileView>('GET', v1('/municipality/profile')),
  saveProfile: (profile: Omit<Profile, 'name'> & { name?: string }) =>
    api<ProfileView>('PUT', v1('/municipality/profile'), profile),
  identityProvider: () => api<IdpView>('GET', v1('/identity-provider')),
  saveIdentityProvider: (body: Omit<IdpSettings, 'hasClientSecret'> & { clientSecret?: string }) =>
    api<IdpView>('PUT', v1('/identity-provider'), body),

  audit: (filter: AuditFilter, before?: number) =>
    api<{ items: AuditEvent[]; nextBefore: number | null }>('GET', v1(`/audit?${auditQuery(filter, before)}`)),

  sessions: () => api<{ items: SessionView[] }>('GET', v1('/sessions')).then(items),
  endSession: (id: string) => api<void>('DELETE', v1(`/sessions/${id}`)),

  municipalities: () => api<{ items: MunicipalityState[] }>('GET', v1('/admin/municipalities')).then(items),
  cbsList: () =>
    api<{ year: number; items: { code: string; name: string; province: string; exists: boolean }[] }>(
      'GET',
      v1('/admin/cbs-municipalities'),
    ),
  createMunicipality: (id: string, name: string, adminUsername: string) =>
    api<{ tenant: { id: string; name: string }; admin?: { user: User; oneTimePassword?: string } }>(
      'POST',
      v1('/tenants'),
      { id, name, ...(adminUsername ? { admin: { username: adminUsername } } : {}) },
    ),
  setMunicipalityDisabled: (id: string, disabled: boolean, reason: string) =>
    api<MunicipalityState>(
      'POST',
      v1(`/admin/municipalities/${id}/${disabled ? 'disable' : 'enable'}`),
      withReason(reason),
    ),
};
