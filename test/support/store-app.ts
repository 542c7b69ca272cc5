import express, { type Express } from 'express';
import request from 'supertest';
import { insertApiKey } from '../../services/auth/api-keys';
import { hashPassword } from '../../services/auth/password';
import type { Permission, Role } from '../../services/auth/roles';
import { createTenant } from '../../services/auth/tenant-admin';
import { insertUser, type User } from '../../services/auth/users';
import { errorHandler } from '../../server/error-handler';
import {
  createStoreRouter,
  storeDeps,
  type StoreDeps,
  type StoreRouterOptions,
} from '../../server/routes/store-router';
import type { SqlDialect } from '../../platform/store/create-store';
import type { ArtifactSeed, ContentValidator } from '../../services/versions/types';
import { createTestStore } from './postgres';

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = Date.parse(iso);
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** Low scrypt cost: the tests log in hundreds of times; the format and code path stay the same. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery staple';
export const BODY_LIMIT = '256kb';

export interface StoreTestApp {
  app: Express;
  deps: StoreDeps;
  clock: TestClock;
  dispose(): Promise<void>;
}

export interface StoreTestAppOptions {
  validateContent?: ContentValidator;
  seeds?: (tenantId: string) => readonly ArtifactSeed[];
  auth?: StoreRouterOptions['auth'];
}

/** express.json with a limit, the store's router at /api/v1, and the JSON error handler. */
export async function createStoreTestApp(
  dialect: SqlDialect,
  options: StoreTestAppOptions = {},
): Promise<StoreTestApp> {
  const { store, dispose } = await createTestStore(dialect);
  const clock = testClock();
  const deps = storeDeps({
    store,
    clock,
    auth: { cookieSecure: false, scrypt: TEST_SCRYPT, ...options.auth },
    ...(options.validateContent ? { validateContent: options.validateContent } : {}),
    ...(options.seeds ? { seeds: options.seeds } : {}),
  });
  const app = express();
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use('/api/v1', createStoreRouter(deps));
  app.use(errorHandler({ error: () => undefined }));
  return { app, deps, clock, dispose };
}

export async function addTenant(t: StoreTestApp, id: string, name = `Gemeente ${id}`): Promise<void> {
  await createTenant(t.deps, { kind: 'system', id: 'test' }, { id, name });
}

export async function addUser(
  t: StoreTestApp,
  tenantId: string,
  username: string,
  roles: Role[],
  password = TEST_PASSWORD,
): Promise<User> {
  const passwordHash = await hashPassword(password, TEST_SCRYPT);
  return insertUser(
    t.deps.store.db,
    { tenantId, username, roles, passwordHash, mustChangePassword: false },
    t.clock().toISOString(),
  );
}

export async function addApiKey(t: StoreTestApp, tenantId: string, permissions: Permission[]): Promise<string> {
  const { secret } = await insertApiKey(
    t.deps.store.db,
    { tenantId, name: `key-${permissions.join('+')}`, permissions, createdBy: 'test' },
    t.clock().toISOString(),
  );
  return secret;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Sends requests as one caller: a session (cookie + CSRF token) or an API key, or nobody. */
export interface Caller {
  headers: Record<string, string>;
  send(method: Method, path: string, body?: unknown): request.Test;
  get(path: string): request.Test;
  post(path: string, body?: unknown): request.Test;
  put(path: string, body?: unknown): request.Test;
  patch(path: string, body?: unknown): request.Test;
}

export function caller(app: Express, headers: Record<string, string> = {}): Caller {
  const send = (method: Method, path: string, body?: unknown) => {
    const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
    const req = request(app)[method](url).set(headers);
    return body === undefined ? req : req.send(body as object);
  };
  return {
    headers,
    send,
    get: (p) => send('get', p),
    post: (p, b) => send('post', p, b),
    put: (p, b) => send('put', p, b),
    patch: (p, b) => send('patch', p, b),
  };
}

export function sessionCookieOf(res: request.Response): string {
  const raw = res.get('Set-Cookie')?.[0];
  if (!raw) throw new Error(`no Set-Cookie in response ${res.status} ${JSON.stringify(res.body)}`);
  return raw.split(';')[0] ?? '';
}

export async function login(
  t: StoreTestApp,
  tenant: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<Caller> {
  const res = await caller(t.app).post('/auth/login', { tenant, username, password });
  if (res.status !== 200)
    throw new Error(`login ${tenant}/${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return caller(t.app, { Cookie: sessionCookieOf(res), 'X-CSRF-Token': (res.body as { csrfToken: string }).csrfToken });
}

/** A user with the given roles, logged in. */
export async function userCaller(
  t: StoreTestApp,
  tenant: string,
  username: string,
  roles: Role[],
): Promise<Caller & { user: User }> {
  const user = await addUser(t, tenant, username, roles);
  return Object.assign(await login(t, tenant, username), { user });
}

export async function keyCaller(t: StoreTestApp, tenant: string, permissions: Permission[]): Promise<Caller> {
  return caller(t.app, { Authorization: `Bearer ${await addApiKey(t, tenant, permissions)}` });
}

export const RULESET = (n = 1) => ({
  rules: [
    {
      id: 'statushouder',
      title: 'Statushouder krijgt voorrang',
      conditions: { all: [{ fact: 'isStatusholder', operator: 'equal', value: true }] },
      event: { type: 'priority' },
    },
    {
      id: 'medisch',
      title: 'Medische urgentie',
      conditions: { all: [{ fact: 'medicalUrgency', operator: 'equal', value: true }] },
      event: { type: 'priority', params: { n } },
    },
  ],
});
