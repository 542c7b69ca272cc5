import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from '../../platform/errors';

/**
 * A per-caller limit, after authentication: per API key or user, so one noisy system does not
 * starve the others behind the same proxy. Answers 429 RATE_LIMITED with Retry-After.
 */
export function perCallerRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
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
