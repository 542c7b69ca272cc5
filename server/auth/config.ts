import { DEFAULT_SCRYPT, type ScryptParams } from './password';

export interface AuthConfig {
  cookieName: string;
  /** Send the cookie only over HTTPS; on by default, off for plain-HTTP development. */
  cookieSecure: boolean;
  /** Absolute lifetime of a session. */
  sessionTtlMs: number;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** Failed logins in a row before the account locks. */
  maxFailedLogins: number;
  lockoutMs: number;
  scrypt: ScryptParams;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  cookieName: 'doorstroom_session',
  cookieSecure: true,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  sessionIdleMs: 60 * 60 * 1000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60 * 1000,
  scrypt: DEFAULT_SCRYPT,
};

export function authConfig(overrides: Partial<AuthConfig> = {}): AuthConfig {
  return { ...DEFAULT_AUTH_CONFIG, ...overrides };
}

/**
 * DOORSTROOM_COOKIE_SECURE=false allows the session cookie over plain HTTP (a test server on
 * another host name; browsers already treat http://localhost as secure).
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<AuthConfig> {
  const secure = env.DOORSTROOM_COOKIE_SECURE;
  return secure === 'false' || secure === '0' ? { cookieSecure: false } : {};
}

export const CSRF_HEADER = 'x-csrf-token';
