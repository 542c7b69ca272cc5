import type { Permission, Role } from './roles';

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
