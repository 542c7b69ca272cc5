import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, Stripe-style: `Doorstroom-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(secret, `${t}.${rawBody}`). The timestamp inside the signed text lets a
 * receiver refuse replays older than its tolerance (5 minutes by default).
 */
export const SIGNATURE_HEADER = 'Doorstroom-Signature';
export const EVENT_ID_HEADER = 'Doorstroom-Event-Id';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, body)}`;
}

export type VerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'MISSING_HEADER' | 'MALFORMED_HEADER' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'SIGNATURE_MISMATCH' };

export interface VerifyOptions {
  /** The subscription's secret, as shown once at creation. */
  secret: string;
  /** The Doorstroom-Signature header as received. */
  header: string | undefined | null;
  /** The raw request body, byte for byte (verify before parsing JSON). */
  body: string | Buffer;
  /** Allowed clock difference in seconds (default 300). */
  toleranceSeconds?: number;
  /** Now, in unix seconds (default: the system clock). */
  now?: number;
}

/**
 * For receivers: checks a delivery's signature and its age. Several v1 values may appear (e.g.
 * during a secret rotation); one match is enough. Compares in constant time.
 */
export function verifyWebhookSignature(opts: VerifyOptions): VerifyResult {
  if (!opts.header) return { ok: false, reason: 'MISSING_HEADER' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of opts.header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'MALFORMED_HEADER' };
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  const body = typeof opts.body === 'string' ? opts.body : opts.body.toString('utf8');
  const expected = Buffer.from(computeSignature(opts.secret, timestamp, body), 'hex');
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return match ? { ok: true, timestamp } : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}
