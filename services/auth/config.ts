import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './login-throttle';
import { DEFAULT_SCRYPT, type ScryptParams } from './password';

export interface AuthConfig {
  cookieName: string;
  /** Send the cookie only over HTTPS; on by default, off for plain-HTTP development. */
  cookieSecure: boolean;
  /** Absolute lifetime of a session. */
  sessionTtlMs: number;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** Kept for old configurations: logins no longer lock an account (see login-throttle.ts). */
  maxFailedLogins: number;
  lockoutMs: number;
  scrypt: ScryptParams;
  /** Sliding-window limits on failed logins, shared by replicas through the store. */
  loginLimits: LoginLimits;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  cookieName: 'doorstroom_session',
  cookieSecure: true,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  sessionIdleMs: 60 * 60 * 1000,
  maxFailedLogins: 5,
  lockoutMs: 15 * 60 * 1000,
  scrypt: DEFAULT_SCRYPT,
  loginLimits: DEFAULT_LOGIN_LIMITS,
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
