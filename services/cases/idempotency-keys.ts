import { createHash } from 'node:crypto';
import { ApiError } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/store/db-errors';
import type { Db } from '../../platform/store/create-store';

/** A key may be reused for another request after this long (IETF httpapi idempotency-key draft: keys expire). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** A stable hash of what was asked: the same key must always mean the same request. */
export function requestHash(parts: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(parts)))
    .digest('hex');
}

/**
 * Idempotency-Key for case starts. A start is idempotent on its caseRef already; the key adds
 * the other half of the contract: the same key with a different request is refused (422),
 * because the client is confused about what it sent.
 */
export function createIdempotencyKeys(db: () => Db, now: () => Date) {
  return {
    /** Throws when the key was used, within its lifetime, for a different request. */
    async check(tenant: string, key: string, hash: string): Promise<void> {
      const row = await db()
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('tenant_id', '=', tenant)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || Date.parse(row.created_at) < now().getTime() - IDEMPOTENCY_KEY_TTL_MS) return;
      if (row.request_hash !== hash) {
        throw new ApiError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new request.',
          '/headers/idempotency-key',
        );
      }
    },

    /** Records the key after a successful start (first writer wins; an expired key is taken over). */
    async remember(tenant: string, key: string, hash: string, caseId: string): Promise<void> {
      const at = now().toISOString();
      try {
        await db()
          .insertInto('idempotency_keys')
          .values({ tenant_id: tenant, key, request_hash: hash, case_id: caseId, created_at: at })
          .execute();
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await db()
          .updateTable('idempotency_keys')
          .set({ request_hash: hash, case_id: caseId, created_at: at })
          .where('tenant_id', '=', tenant)
          .where('key', '=', key)
          .where('created_at', '<', new Date(now().getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString())
          .execute();
      }
    },
  };
}
