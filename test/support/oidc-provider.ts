import { randomUUID } from 'node:crypto';
import Module from 'node:module';
import path from 'node:path';

/**
 * A real OpenID Connect provider (oidc-provider, a certified implementation) in the test's own
 * process, loaded through Node's loader (the package is ESM only; jest's registry refuses it).
 * Accounts live in a map the test changes: groups, or `disabled` (findAccount then answers
 * "no such account", as a closed account at Entra ID or Keycloak does). `tamper` re-signs the
 * next ID tokens with the provider's own key but a wrong audience or an expired lifetime.
 */
export interface TestAccount {
  sub: string;
  username: string;
  name: string;
  groups: string[];
  disabled?: boolean;
}

export type Tamper = 'none' | 'wrong-audience' | 'expired';

export interface BackchannelDelivery {
  ok: boolean;
  client: string;
  sub: string;
  sid?: string;
  error?: string;
}

export interface TestProvider {
  issuer: string;
  /** Back-channel logout posts the provider made (with `backchannelLogoutUri`), as its events report them. */
  backchannel: BackchannelDelivery[];
  /** Signs any claims (header RS256, kid of the provider's key, typ logout+jwt unless changed) with the provider's key. */
  signJwt(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  tamper: Tamper;
  stop(): Promise<void>;
}

export interface TestProviderOptions {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  accounts: TestAccount[];
  clientId?: string;
  clientSecret?: string;
  /** Turns Back-Channel Logout 1.0 on, posting logout tokens (with sid) here. */
  backchannelLogoutUri?: string;
}

function nativeRequire(id: string): unknown {
  const M = Module as unknown as typeof Module & { _nodeModulePaths(dir: string): string[] };
  const loader = new M(__filename);
  loader.filename = __filename;
  loader.paths = M._nodeModulePaths(__dirname);
  return loader.require(id);
}

interface ProviderHost {
  startProvider(o: {
    redirectUris: string[];
    postLogoutRedirectUris: string[];
    clientId: string;
    clientSecret: string;
    account: (username: string) => TestAccount | undefined;
    accountBySub: (sub: string) => TestAccount | undefined;
    tamper: () => Tamper;
    backchannelLogoutUri?: string;
  }): Promise<{
    issuer: string;
    backchannel: BackchannelDelivery[];
    signJwt(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
    stop(): Promise<void>;
  }>;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const host = nativeRequire(path.join(__dirname, 'oidc-provider-host.mjs')) as ProviderHost;
  const accounts = new Map(options.accounts.map((a) => [a.username, a]));
  const clientId = options.clientId ?? 'doorstroom';
  const clientSecret = options.clientSecret ?? `secret-${randomUUID()}`;
  const state: { tamper: Tamper } = { tamper: 'none' };
  const started = await host.startProvider({
    redirectUris: options.redirectUris,
    postLogoutRedirectUris: options.postLogoutRedirectUris,
    clientId,
    clientSecret,
    account: (username) => accounts.get(username),
    accountBySub: (sub) => [...accounts.values()].find((a) => a.sub === sub),
    tamper: () => state.tamper,
    ...(options.backchannelLogoutUri ? { backchannelLogoutUri: options.backchannelLogoutUri } : {}),
  });
  return {
    issuer: started.issuer,
    backchannel: started.backchannel,
    signJwt: (claims, header) => started.signJwt(claims, header),
    clientId,
    clientSecret,
    accounts,
    get tamper() {
      return state.tamper;
    },
    set tamper(t: Tamper) {
      state.tamper = t;
    },
    stop: () => started.stop(),
  };
}

/** Cookies of one browser at the provider, by name. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * A browser at the provider without a browser: follows the provider's redirects from the
 * authorization URL, signs in as `username` on its form, consents, and returns the URL the
 * provider sends back to Doorstroom (the callback with code and state).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  username: string,
  jar = new CookieJar(),
): Promise<URL> {
  let url = new URL(authorizationUrl);
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    jar.take(res);
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== url.origin && !next.pathname.startsWith('/interaction')) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const form = /action="([^"]+)"/.exec(html);
    if (!form) throw new Error(`test IdP: unexpected page ${res.status} at ${url.href}: ${html.slice(0, 300)}`);
    url = new URL(form[1]!, url);
    method = 'POST';
    body = new URLSearchParams({ username }).toString();
  }
  throw new Error('test IdP: too many redirects');
}

/**
 * Logout at the provider in the browser that signed in there (its cookies in `jar`): the
 * provider's end-session page, then its confirmation form with "yes, sign me out". With
 * back-channel logout on, the provider posts its logout tokens before it answers.
 */
export async function logoutAtProvider(issuer: string, jar: CookieJar): Promise<void> {
  const page = await fetch(`${issuer}/session/end`, { headers: { cookie: jar.header() }, redirect: 'manual' });
  jar.take(page);
  const html = await page.text();
  const action = /action="([^"]+)"/.exec(html)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !xsrf) throw new Error(`test IdP: no logout form (${page.status}): ${html.slice(0, 300)}`);
  const done = await fetch(new URL(action, issuer), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
  });
  jar.take(done);
  if (done.status >= 400) throw new Error(`test IdP: logout refused (${done.status})`);
}
