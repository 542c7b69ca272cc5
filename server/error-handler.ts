import type { ErrorRequestHandler } from 'express';
import { ApiError, isTemporalUnreachable, TemporalUnavailableError } from '../platform/errors';

/** Maps anything thrown in a route to the JSON error shape; unknown errors become a 500 without internals. */
export function errorHandler(log: { error: (obj: object, msg: string) => void }): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof TemporalUnavailableError) res.set('Retry-After', String(err.retryAfterSeconds));
    if (err instanceof ApiError) {
      res.status(err.status).json(err.toJSON());
      return;
    }
    // A Temporal call outside the case service's deadline (e.g. a monitor read) still answers honestly.
    if (isTemporalUnreachable(err)) {
      const unavailable = new TemporalUnavailableError();
      res.status(503).set('Retry-After', String(unavailable.retryAfterSeconds)).json(unavailable.toJSON());
      return;
    }
    // body-parser errors carry a status and a type: they are the client's mistake, not ours.
    const e = err as { status?: number; type?: string; message?: string };
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      const code =
        e.type === 'entity.too.large'
          ? 'BODY_TOO_LARGE'
          : e.type === 'entity.parse.failed'
            ? 'MALFORMED_JSON'
            : 'BAD_REQUEST';
      // JSON.parse quotes the text around the mistake, which may be someone's name: never echoed.
      const message =
        code === 'MALFORMED_JSON'
          ? 'De body is geen geldige JSON (the body is not valid JSON).'
          : (e.message ?? 'Bad request');
      res.status(e.status).json(new ApiError(e.status, code, message, '/body').toJSON());
      return;
    }
    log.error({ err }, 'unhandled error in request');
    res.status(500).json(new ApiError(500, 'INTERNAL', 'Internal error; it has been logged.').toJSON());
  };
}
