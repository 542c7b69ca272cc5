import { Router } from 'express';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import { changeUser, createUser, resetPassword } from '../../services/auth/user-admin';
import { findUserRow, listUsers, toUser } from '../../services/auth/users';
import { ApiError } from '../../platform/errors';
import { UserIdParams } from '../../contract/common';
import { CreateUserBody, ReasonBody, UpdateUserBody, type UserList, type UserWithPassword } from '../../contract/users';
import { check } from './validate';
import type { StoreDeps } from './store-deps';
import type { User } from '../../contract/auth';

/** The users of the admin's own municipality. */
export function createUsersRouter(deps: StoreDeps): Router {
  const router = Router();
  router.use(authenticate(deps), requireRole('admin'));

  router.get('/', async (req, res) => {
    res.json({ items: await listUsers(deps.store.db, getAuth(req).tenant) } satisfies UserList);
  });

  router.post('/', async (req, res) => {
    const body = check(CreateUserBody, 'body', req.body);
    const created = await createUser(
      deps,
      getAuth(req),
      {
        username: body.username,
        roles: body.roles,
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      },
      body.reason,
    );
    res.status(201).json(created satisfies UserWithPassword);
  });

  router.get('/:userId', async (req, res) => {
    const { userId } = check(UserIdParams, 'params', req.params);
    const row = await findUserRow(deps.store.db, getAuth(req).tenant, userId);
    if (!row) throw new ApiError(404, 'NOT_FOUND', 'Gebruiker niet gevonden (user not found).', '/params/userId');
    res.json(toUser(row) satisfies User);
  });

  router.patch('/:userId', async (req, res) => {
    const { userId } = check(UserIdParams, 'params', req.params);
    const { reason, ...patch } = check(UpdateUserBody, 'body', req.body);
    res.json((await changeUser(deps, getAuth(req), userId, patch, reason)) satisfies User);
  });

  router.post('/:userId/reset-password', async (req, res) => {
    const { userId } = check(UserIdParams, 'params', req.params);
    const body = check(ReasonBody, 'body', req.body ?? {});
    res.json((await resetPassword(deps, getAuth(req), userId, body.reason)) satisfies UserWithPassword);
  });

  return router;
}
