import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOT_DIR } from './browser';
import { ADMIN_PASSWORD, startProduct, tempDataDir, TEST_TENANT, type RunningProduct } from './runtime';

export const UI_DIR = path.resolve(__dirname, '..', '..', 'ui', 'dist');
export const USER_PASSWORD = 'Een-lang-eigen-wachtwoord-2026';

/** A signed-in API client (session cookie + CSRF token), as the browser holds them. */
export interface ApiSession {
  call<T = any>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function apiLogin(
  base: string,
  username: string,
  password: string,
  tenant = TEST_TENANT,
): Promise<ApiSession> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, username, password }),
  });
  if (res.status !== 200) throw new Error(`e2e: login of ${username} failed with ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async call(method, url, body) {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

export interface EditorStack {
  product: RunningProduct;
  base: string;
  browser: Browser;
  admin: ApiSession;
  /** Creates a user as the admin; returns the one-time password. */
  createUser(username: string, roles: string[], displayName?: string): Promise<string>;
  /** Creates a user and chooses their own password through the API (for users the journey does not log in by hand). */
  apiUser(username: string, roles: string[]): Promise<ApiSession>;
  stop(): Promise<void>;
}

/** The real product (store, Temporal, worker, built UI) on a free port, a Chromium, and a signed-in admin. */
export async function startEditorStack(): Promise<EditorStack> {
  const product = await startProduct(tempDataDir(), { uiDir: UI_DIR });
  const server: Server = product.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  const admin = await apiLogin(base, 'admin', ADMIN_PASSWORD);
  const createUser = async (username: string, roles: string[], displayName?: string) => {
    const res = await admin.call('POST', '/api/v1/users', { username, roles, ...(displayName ? { displayName } : {}) });
    if (res.status !== 201) throw new Error(`e2e: creating ${username} failed: ${JSON.stringify(res.body)}`);
    return res.body.oneTimePassword as string;
  };
  return {
    product,
    base,
    browser,
    admin,
    createUser,
    async apiUser(username, roles) {
      const once = await createUser(username, roles);
      const first = await apiLogin(base, username, once);
      const changed = await first.call('POST', '/api/v1/auth/password', {
        currentPassword: once,
        newPassword: USER_PASSWORD,
      });
      if (changed.status !== 200) throw new Error(`e2e: password change failed: ${JSON.stringify(changed.body)}`);
      return apiLogin(base, username, USER_PASSWORD);
    },
    async stop() {
      await browser.close().catch(() => undefined);
      server.close();
      await product.stop();
    },
  };
}

/** Logs in through the login form; with a one-time password, also through the forced password change. */
export async function loginInBrowser(
  context: BrowserContext,
  base: string,
  username: string,
  password: string,
  shots?: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('Gemeentecode').fill(TEST_TENANT);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  if (shots) await screenshot(page, `${shots}-login`);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const heading = page.getByRole('heading', { level: 1, name: /^(Kies een nieuw wachtwoord|Regels)$/ });
  await heading.waitFor();
  if ((await heading.textContent()) === 'Kies een nieuw wachtwoord') {
    await page.getByLabel('Huidig (eenmalig) wachtwoord').fill(password);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(USER_PASSWORD);
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(USER_PASSWORD);
    if (shots) await screenshot(page, `${shots}-password`);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('heading', { name: 'Regels', level: 1 }).waitFor();
  }
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

export { seriousA11yViolations } from './browser';
