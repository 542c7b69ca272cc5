import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from '../../platform/errors';
import type { Store } from '../../platform/store/create-store';
import { storeRateLimitCounter } from './rate-limit-store';

/**
 * A per-caller limit, after authentication: per API key or user, so one noisy system does not
 * starve the others behind the same proxy. Answers 429 RATE_LIMITED with Retry-After.
 * On PostgreSQL (several replicas share it) the counts are in the store, so the limit holds for the
 * whole deployment; on SQLite (one process) they stay in memory.
 */
export function perCallerRateLimit(perMinute: number, store?: Pick<Store, 'db' | 'dialect'>): RequestHandler {
  return rateLimit({
    ...(store?.dialect === 'postgres' ? { store: storeRateLimitCounter(store) } : {}),
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => (req.auth ? `${req.auth.actor.kind}:${req.auth.actor.id}` : 'anonymous'),
    handler: (_req, _res, next) =>
      next(
        new ApiError(
          429,
          'RATE_LIMITED',
          `More than ${perMinute} requests per minute; slow down and retry after the Retry-After header.`,
        ),
      ),
  });
}
