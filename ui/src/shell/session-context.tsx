import { createContext, useContext } from 'react';
import type { Role, Session } from '../api/session';

export interface SessionState {
  session: Session;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('Shell: useSession() outside the signed-in shell');
  return value;
}

export function useHasRole(role: Role): boolean {
  return useSession().session.roles.includes(role);
}
