import type { Static } from '@sinclair/typebox';
import type { ApiKey, ApiKeyList, CreateApiKeyBody, CreatedApiKey } from '../../../contract/api-keys';
import type { AuditEvent, AuditPage } from '../../../contract/audit';
import type { Permission, Role, User } from '../../../contract/auth';
import type {
  CbsMunicipalityList,
  IdentityProviderResponse,
  MunicipalityStateSchema,
  PutIdentityProviderBody,
  RoleMappingSchema,
  SessionList,
  WebhookTestResult,
} from '../../../contract/identity-provider';
import type { MunicipalityProfile, MunicipalityProfileResponse } from '../../../contract/municipality-profile';
import type { MappingBody, MappingList, NotificatieMapping } from '../../../contract/notificaties';
import type { CreatedTenantResponse, CreateTenantBody } from '../../../contract/tenants';
import type { CreateUserBody, UpdateUserBody, UserList, UserWithPassword } from '../../../contract/users';
import type {
  CreateSubscriptionBody,
  DeliveryList,
  SubscriptionList,
  SubscriptionWithSecret,
  WebhookDelivery,
  WebhookSubscription,
} from '../../../contract/webhooks';
import { api } from '../api/http';

/**
 * The administration's calls through the one API client (api/http.ts). Every request and
 * response type is the contract's (contract/, imported as types only): the names below are
 * what the panels call them, never a second copy of a shape.
 */

export type AdminUser = User;
export type { ApiKey, AuditEvent };
export type Subscription = WebhookSubscription;
export type Delivery = WebhookDelivery;
export type Mapping = NotificatieMapping;
type ContractRoleMapping = Static<typeof RoleMappingSchema>;
/** A municipality's own roles: a provider's group never gives `national-admin`. */
type TenantRole = ContractRoleMapping['roles'][number];
/** A mapping line as the form edits it: the form's role list is typed with every role (Role). */
export type RoleMapping = Omit<ContractRoleMapping, 'roles'> & { roles: Role[] };
export type IdpView = Static<typeof IdentityProviderResponse>;
/** The settings as the form edits them: the contract's view without who changed them last. */
export type IdpSettings = Omit<NonNullable<IdpView['settings']>, 'updatedBy' | 'updatedAt' | 'roleMap'> & {
  roleMap: RoleMapping[];
};
const tenantRoles = (roles: Role[]): TenantRole[] => roles.filter((r): r is TenantRole => r !== 'national-admin');
export type ProfileView = MunicipalityProfileResponse;
/** The profile as the form edits it: the contract's without the fields the server keeps. */
export type Profile = Omit<MunicipalityProfile, 'tenant' | 'nameSource' | 'updatedAt' | 'updatedBy'>;
export type MunicipalityState = Static<typeof MunicipalityStateSchema>;
export type SessionView = Static<typeof SessionList>['items'][number];
type CbsList = Static<typeof CbsMunicipalityList>;
type TestResult = Static<typeof WebhookTestResult>;

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
  users: () => api<UserList>('GET', v1('/users')).then(items),
  createUser: (username: string, displayName: string, roles: Role[], reason: string) =>
    api<UserWithPassword>('POST', v1('/users'), {
      username,
      ...(displayName ? { displayName } : {}),
      roles,
      ...withReason(reason),
    } satisfies CreateUserBody),
  patchUser: (id: string, patch: Omit<UpdateUserBody, 'reason'>, reason = '') =>
    api<AdminUser>('PATCH', v1(`/users/${id}`), { ...patch, ...withReason(reason) } satisfies UpdateUserBody),
  resetPassword: (id: string) => api<UserWithPassword>('POST', v1(`/users/${id}/reset-password`), {}),

  apiKeys: () => api<ApiKeyList>('GET', v1('/api-keys')).then(items),
  createApiKey: (name: string, permissions: Permission[], reason: string) =>
    api<CreatedApiKey>('POST', v1('/api-keys'), {
      name,
      permissions,
      ...withReason(reason),
    } satisfies CreateApiKeyBody),
  revokeApiKey: (id: string) => api<ApiKey>('POST', v1(`/api-keys/${id}/revoke`), {}),

  subscriptions: () => api<SubscriptionList>('GET', v1('/webhooks/subscriptions')).then(items),
  createSubscription: (url: string, eventTypes: string[], description: string) =>
    api<SubscriptionWithSecret>('POST', v1('/webhooks/subscriptions'), {
      url,
      // The panel offers the contract's event types only; the server checks them again.
      eventTypes: eventTypes as CreateSubscriptionBody['eventTypes'],
      ...(description ? { description } : {}),
    } satisfies CreateSubscriptionBody),
  deleteSubscription: (id: string) => api<void>('DELETE', v1(`/webhooks/subscriptions/${id}`)),
  testSubscription: (id: string) => api<TestResult>('POST', v1(`/webhooks/subscriptions/${id}/test`), {}),
  deliveries: () => api<DeliveryList>('GET', v1('/webhooks/deliveries?limit=50')).then(items),

  mappings: () => api<MappingList>('GET', v1('/notificatie-mappings')).then(items),
  /** The body is what the administrator typed as JSON: the server validates it against MappingBody (so it is `unknown` here). */
  createMapping: (body: unknown) => api<Mapping>('POST', v1('/notificatie-mappings'), body),
  putMapping: (id: string, body: MappingBody) => api<Mapping>('PUT', v1(`/notificatie-mappings/${id}`), body),
  getMapping: (id: string) => api<Mapping>('GET', v1(`/notificatie-mappings/${id}`)),
  deleteMapping: (id: string) => api<void>('DELETE', v1(`/notificatie-mappings/${id}`)),

  profile: () => api<ProfileView>('GET', v1('/municipality/profile')),
  saveProfile: (profile: Omit<Profile, 'name'> & { name?: string }) =>
    api<ProfileView>('PUT', v1('/municipality/profile'), profile),
  identityProvider: () => api<IdpView>('GET', v1('/identity-provider')),
  saveIdentityProvider: (settings: Omit<IdpSettings, 'hasClientSecret'> & { clientSecret?: string; reason?: string }) =>
    // Field by field: the form's state may carry the view's extra fields, which the server refuses.
    api<IdpView>('PUT', v1('/identity-provider'), {
      issuer: settings.issuer,
      clientId: settings.clientId,
      scopes: settings.scopes,
      roleClaim: settings.roleClaim,
      roleMap: settings.roleMap.map((line) => ({ value: line.value, roles: tenantRoles(line.roles) })),
      enabled: settings.enabled,
      localLogin: settings.localLogin,
      ...(settings.clientSecret !== undefined ? { clientSecret: settings.clientSecret } : {}),
      ...(settings.reason ? { reason: settings.reason } : {}),
    } satisfies PutIdentityProviderBody),

  audit: (filter: AuditFilter, before?: number) => api<AuditPage>('GET', v1(`/audit?${auditQuery(filter, before)}`)),

  sessions: () => api<Static<typeof SessionList>>('GET', v1('/sessions')).then(items),
  endSession: (id: string) => api<void>('DELETE', v1(`/sessions/${id}`)),

  municipalities: () => api<{ items: MunicipalityState[] }>('GET', v1('/admin/municipalities')).then(items),
  cbsList: () => api<CbsList>('GET', v1('/admin/cbs-municipalities')),
  createMunicipality: (id: string, name: string, adminUsername: string) =>
    api<CreatedTenantResponse>('POST', v1('/tenants'), {
      id,
      name,
      ...(adminUsername ? { admin: { username: adminUsername } } : {}),
    } satisfies CreateTenantBody),
  setMunicipalityDisabled: (id: string, disabled: boolean, reason: string) =>
    api<MunicipalityState>(
      'POST',
      v1(`/admin/municipalities/${id}/${disabled ? 'disable' : 'enable'}`),
      withReason(reason),
    ),
};
