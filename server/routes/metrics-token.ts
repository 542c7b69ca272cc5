import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '../../platform/errors';

/**
 * Guards /metrics with METRICS_TOKEN: Prometheus sends it as `Authorization: Bearer <token>`
 * (`authorization: { credentials_file: … }` in a scrape config, the Prometheus Operator's
 * ServiceMonitor `authorization`). Both sides are hashed before the constant-time compare, so
 * neither the token's content nor its length leaks through timing. Without a token the route is
 * open, as before (the operator was told so at start).
 */
export function requireMetricsToken(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '');
    const given = createHash('sha256')
      .update(match?.[1] ?? '')
      .digest();
    if (match && timingSafeEqual(given, expected)) return next();
    res.set('WWW-Authenticate', 'Bearer realm="doorstroom-metrics"');
    next(
      new ApiError(
        401,
        'METRICS_UNAUTHORIZED',
        match
          ? 'Het token voor /metrics klopt niet (the metrics token is wrong).'
          : '/metrics vraagt `Authorization: Bearer <METRICS_TOKEN>` (the metrics need the bearer token).',
        '/headers/authorization',
      ),
    );
  };
}
