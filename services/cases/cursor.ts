import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../platform/errors';

const MAC_BYTES = 16;

function mac(secret: Buffer, tenant: string, token: Buffer): Buffer {
  return createHmac('sha256', secret).update(tenant).update('\u0000').update(token).digest().subarray(0, MAC_BYTES);
}

/**
 * Temporal's page token, sealed with a MAC bound to the municipality: a client can hand it back
 * but not forge one, nor use another municipality's (the visibility server answers a bad token
 * with an opaque internal error, so it must never see one).
 */
export function sealCursor(secret: Buffer, tenant: string, token: Buffer): string {
  return Buffer.concat([mac(secret, tenant, token), token]).toString('base64url');
}

export function openCursor(secret: Buffer, tenant: string, cursor: string): Buffer {
  const raw = Buffer.from(cursor, 'base64url');
  const token = raw.subarray(MAC_BYTES);
  const given = raw.subarray(0, MAC_BYTES);
  if (raw.length <= MAC_BYTES || !timingSafeEqual(given, mac(secret, tenant, token))) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'cursor: not a cursor this API gave out; start again without it.',
      '/query/cursor',
    );
  }
  return token;
}
