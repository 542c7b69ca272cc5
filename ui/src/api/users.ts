import { api } from './http';
import type { Role, User } from './session';

export const users = {
  list: () => api<{ items: User[] }>('GET', '/api/v1/users').then((r) => r.items),
  create: (username: string, displayName: string, roles: Role[]) =>
    api<{ user: User; oneTimePassword: string }>('POST', '/api/v1/users', {
      username,
      ...(displayName ? { displayName } : {}),
      roles,
    }),
};
