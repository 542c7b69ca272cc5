import type { Request } from 'express';
import { ApiError } from '../../platform/errors';
import type { Permission, Role } from '../../services/auth/roles';

export type ActorKind = 'user' | 'apiKey';

export interface Actor {
  kind: ActorKind;
  id: string;
  /** Username or key name, for display and the audit trail. */
  name: string;
}

/** Who is asking, for which municipality, with what rights: set by `authenticate`. */
export interface AuthContext {
  tenant: string;
  actor: Actor;
  roles: Role[];
  permissions: Permission[];
  /** Present for cookie sessions only. */
  session?: { csrfToken: string; mustChangePassword: boolean; expiresAt: string };
}

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
