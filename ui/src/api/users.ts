import type { UserList, UserWithPassword } from '../../../contract/users';
import { api } from './http';
import type { Role } from './session';

export const users = {
  list: () => api<UserList>('GET', '/api/v1/users').then((r) => r.items),
  create: (username: string, displayName: string, roles: Role[]) =>
    api<UserWithPassword>('POST', '/api/v1/users', {
      username,
      ...(displayName ? { displayName } : {}),
      roles,
    }),
};
