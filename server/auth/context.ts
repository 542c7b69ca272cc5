import type { Request } from 'express';
import { ApiError } from '../../platform/errors';
import type { AuthContext } from '../../services/auth/auth-context';

export type { Actor, ActorKind, AuthContext } from '../../services/auth/auth-context';

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}

/** The caller's context; a route behind `authenticate` always has one. */
export function getAuth(req: Request): AuthContext {
  if (!req.auth) throw new ApiError(401, 'UNAUTHENTICATED', 'Niet ingelogd (not authenticated).');
  return req.auth;
}
