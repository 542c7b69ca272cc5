import { api } from '../../support/product-process';
import { ADMIN_PASSWORD, TEST_TENANT } from '../../support/runtime';

/** A signed-in person, as the browser would be: the session cookie and the CSRF token. */
export interface Session {
  username: string;
  headers: Record<string, string>;
}

/** Logs in through the API (the bootstrap administrator when no name is given). */
export async function signIn(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<Session> {
  const res = await api(base, 'POST', '/auth/login', { tenant: TEST_TENANT, username, password });
  if (res.status !== 200) throw new Error(`login of ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    username,
    headers: {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': res.body.csrfToken as string,
    },
  };
}

const PASSWORD = 'Storing-bestendig-Wachtwoord-2026!';

/** The administrator adds a person with these roles; the person replaces the one-time password and signs in. */
export async function addPerson(base: string, admin: Session, username: string, roles: string[]): Promise<Session> {
  const created = await api(base, 'POST', '/users', { username, roles }, admin.headers);
  if (created.status !== 201) throw new Error(`user ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await signIn(base, username, created.body.oneTimePassword as string);
  const changed = await api(
    base,
    'POST',
    '/auth/password',
    { currentPassword: created.body.oneTimePassword, newPassword: PASSWORD },
    first.headers,
  );
  if (changed.status !== 200)
    throw new Error(`password of ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
  return signIn(base, username, PASSWORD);
}

/** The seeded rule-set draft as a designer finishes it: the bye-law's name, year and articles filled in. */
export function finishRuleSetContent<T>(content: T, municipality = 'Amsterdam'): T {
  const text = JSON.stringify(content)
    .replace(/\{\{gemeente\}\}/g, municipality)
    .replace(/\{\{jaar\}\}/g, '2026')
    .replace(/\{\{artikel[a-z-]*\}\}/g, '2.7');
  return JSON.parse(text) as T;
}
