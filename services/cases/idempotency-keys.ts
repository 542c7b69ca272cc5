import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_PATTERN } from '../../contract/cases';
import { ApiError } from '../../platform/errors';
import { findPersonalNumber } from '../../workflows/privacy/find-personal-number';
import { isUniqueViolation } from '../../platform/store/db-errors';
import type { Db } from '../../platform/store/create-store';

/** A key may be reused for another request after this long (IETF httpapi idempotency-key draft: keys expire). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The Idempotency-Key header, checked: 1–200 letters, digits and `. _ : -`, and nothing that looks
 * like a BSN or V-nummer (the key is kept in the audit trail, as pseudonymous as a caseRef).
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'Idempotency-Key: 1–200 letters, digits and . _ : -',
      '/headers/idempotency-key',
    );
  }
  if (findPersonalNumber(header)) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      'Idempotency-Key bevat iets dat op een BSN of V-nummer lijkt (Idempotency-Key looks like it contains a BSN or V-nummer).',
      '/headers/idempotency-key',
    );
  }
  return header;
}

/**
 * The Temporal update id of an event sent with an Idempotency-Key: Temporal answers a second update
 * with the same id on the same case with the first one's result, so a retry applies nothing twice.
 * A hash, so the caller's key never appears in Temporal's history.
 */
export function eventUpdateId(tenant: string, key: string): string {
  return `event-${createHash('sha256').update(`${tenant}\n${key}`).digest('hex').slice(0, 40)}`;
}

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
