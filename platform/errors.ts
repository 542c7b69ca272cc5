import type { ErrorBody, ErrorCode } from '../contract/error-codes';

/**
 * An error a client can act on: a stable `code`, an HTTP status, the JSON path that failed
 * (RFC 6901 pointer into the request, e.g. `/body/payload/placementDate`) and a message a
 * person understands. Every API error response has this shape. The code is one of the contract's
 * `ErrorCode`s (contract/error-codes.ts), so a misspelt code does not compile.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.path !== undefined ? { path: this.path } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

/** Seconds a caller waits before retrying while Temporal is away (the embedded server restarts in ~3–5 s). */
export const TEMPORAL_RETRY_AFTER_SECONDS = 5;

/** 503 with Retry-After: Temporal did not answer (down, restarting, or past the request's deadline). */
export class TemporalUnavailableError extends ApiError {
  readonly retryAfterSeconds = TEMPORAL_RETRY_AFTER_SECONDS;
  constructor() {
    super(
      503,
      'TEMPORAL_UNAVAILABLE',
      'De procesmotor (Temporal) is tijdelijk niet bereikbaar; probeer het na Retry-After seconden opnieuw (the process engine is temporarily unreachable; retry after Retry-After seconds).',
    );
  }
}

/**
 * gRPC UNAVAILABLE or DEADLINE_EXCEEDED anywhere in an error's cause chain (Temporal did not
 * answer), the client's channel closed under a request while the process stops, or the
 * product's own namespace "not found" — a Temporal server that is starting again (the embedded
 * dev server after a crash, a frontend before its namespace registry has loaded) answers so
 * until it is ready; the namespace is the product's configuration, never the caller's input.
 */
export function isTemporalUnreachable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth += 1) {
    if ((e as { name?: unknown }).name === 'NamespaceNotFoundError') return true;
    const grpc = e as { code?: unknown; metadata?: unknown; details?: unknown; cause?: unknown; message?: unknown };
    if ((grpc.code === 14 || grpc.code === 4) && grpc.metadata !== undefined && typeof grpc.details === 'string')
      return true;
    if (typeof grpc.message === 'string' && grpc.message.includes('Channel has been shut down')) return true;
    e = grpc.cause;
  }
  return false;
}
