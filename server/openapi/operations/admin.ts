import { ApiKeyList, ApiKeySchema, CreateApiKeyBody, CreatedApiKey } from '../../routes/schemas/api-keys';
import { UserSchema } from '../../routes/schemas/auth';
import { KeyIdParams, TenantIdParams, UserIdParams } from '../../routes/schemas/common';
import { CreatedTenantResponse, CreateTenantBody, TenantList, TenantSchema, UpdateTenantBody } from '../../routes/schemas/tenants';
import { CreateUserBody, ReasonBody, UpdateUserBody, UserList, UserWithPassword } from '../../routes/schemas/users';
import type { ErrorCode } from '../error-codes';
import type { Operation } from '../operation';

const T = 'Beheer (administration)';
const base: ErrorCode[] = ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED'];

export const adminOperations: Operation[] = [
  { method: 'get', path: '/tenants', operationId: 'listTenants', tag: T, access: 'session', summary: 'Municipalities you may see (all for a national administrator)', responses: { 200: { description: 'Municipalities', schema: TenantList } }, errors: ['UNAUTHENTICATED'] },
  { method: 'post', path: '/tenants', operationId: 'createTenant', tag: T, access: 'session', requires: 'national-admin', summary: 'Create a municipality (seeded with the built-in rule set and processes), optionally with its first admin', body: CreateTenantBody, responses: { 201: { description: 'Created', schema: CreatedTenantResponse } }, errors: [...base, 'VALIDATION_FAILED', 'TENANT_EXISTS'] },
  { method: 'get', path: '/tenants/{tenantId}', operationId: 'getTenant', tag: T, access: 'session', summary: 'A municipality', params: TenantIdParams, responses: { 200: { description: 'Municipality', schema: TenantSchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'patch', path: '/tenants/{tenantId}', operationId: 'updateTenant', tag: T, access: 'session', requires: 'national-admin', summary: 'Rename a municipality', params: TenantIdParams, body: UpdateTenantBody, responses: { 200: { description: 'Updated', schema: TenantSchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },

  { method: 'get', path: '/users', operationId: 'listUsers', tag: T, access: 'session', requires: 'admin', summary: "The municipality's users", responses: { 200: { description: 'Users', schema: UserList } }, errors: base },
  { method: 'post', path: '/users', operationId: 'createUser', tag: T, access: 'session', requires: 'admin', summary: 'Create a user; the one-time password is shown once', body: CreateUserBody, responses: { 201: { description: 'Created', schema: UserWithPassword } }, errors: [...base, 'VALIDATION_FAILED', 'USERNAME_TAKEN'] },
  { method: 'get', path: '/users/{userId}', operationId: 'getUser', tag: T, access: 'session', requires: 'admin', summary: 'A user', params: UserIdParams, responses: { 200: { description: 'User', schema: UserSchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'patch', path: '/users/{userId}', operationId: 'updateUser', tag: T, access: 'session', requires: 'admin', summary: 'Change roles, name, disable or unlock a user', params: UserIdParams, body: UpdateUserBody, responses: { 200: { description: 'Updated', schema: UserSchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND', 'SELF_LOCKOUT'] },
  { method: 'post', path: '/users/{userId}/reset-password', operationId: 'resetPassword', tag: T, access: 'session', requires: 'admin', summary: 'Give a user a new one-time password', params: UserIdParams, body: ReasonBody, responses: { 200: { description: 'Reset', schema: UserWithPassword } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },

  { method: 'get', path: '/api-keys', operationId: 'listApiKeys', tag: T, access: 'session', requires: 'admin', summary: "The municipality's API keys (never their secrets)", responses: { 200: { description: 'Keys', schema: ApiKeyList } }, errors: base },
  { method: 'post', path: '/api-keys', operationId: 'createApiKey', tag: T, access: 'session', requires: 'admin', summary: 'Create an API key for a municipal system; the secret is shown once', body: CreateApiKeyBody, responses: { 201: { description: 'Created', schema: CreatedApiKey } }, errors: [...base, 'VALIDATION_FAILED'] },
  { method: 'get', path: '/api-keys/{keyId}', operationId: 'getApiKey', tag: T, access: 'session', requires: 'admin', summary: 'An API key, with its last use', params: KeyIdParams, responses: { 200: { description: 'Key', schema: ApiKeySchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
  { method: 'post', path: '/api-keys/{keyId}/revoke', operationId: 'revokeApiKey', tag: T, access: 'session', requires: 'admin', summary: 'Revoke an API key', params: KeyIdParams, body: ReasonBody, responses: { 200: { description: 'Revoked', schema: ApiKeySchema } }, errors: [...base, 'VALIDATION_FAILED', 'NOT_FOUND'] },
];

