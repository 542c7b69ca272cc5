import { ApiError } from '../errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where deliveries may go: https anywhere, plain http only to this machine (development, tests)
 * unless DOORSTROOM_WEBHOOK_ALLOW_HTTP=true (a municipality's internal network). Credentials in a
 * URL are refused: URLs are shown in lists and kept in the audit trail.
 */
export function checkWebhookUrl(url: string, env: NodeJS.ProcessEnv = process.env, path = '/body/url'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError(400, 'WEBHOOK_URL_NOT_ALLOWED', 'url: not an absolute URL.', path);
  }
  if (parsed.username || parsed.password) {
    throw new ApiError(400, 'WEBHOOK_URL_NOT_ALLOWED', 'url: no user or password in the URL; the signature authenticates deliveries.', path);
  }
  const allowHttp = env.DOORSTROOM_WEBHOOK_ALLOW_HTTP === 'true' || env.DOORSTROOM_WEBHOOK_ALLOW_HTTP === '1';
  if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname) && !allowHttp) {
    throw new ApiError(400, 'WEBHOOK_URL_NOT_ALLOWED', 'url: must be https (plain http only to localhost, or with DOORSTROOM_WEBHOOK_ALLOW_HTTP=true).', path);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ApiError(400, 'WEBHOOK_URL_NOT_ALLOWED', 'url: must be https.', path);
  }
}
