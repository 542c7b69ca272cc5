import { Router } from 'express';
import { findApiKey, listApiKeys } from '../../services/auth/api-keys';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import { createApiKey, revokeKey } from '../../services/auth/key-admin';
import { ApiError } from '../../platform/errors';
import { CreateApiKeyBody, type ApiKey, type ApiKeyList, type CreatedApiKey } from '../../contract/api-keys';
import { KeyIdParams } from '../../contract/common';
import { ReasonBody } from '../../contract/users';
import { check } from './validate';
import type { StoreDeps } from './store-deps';

/** API keys of the admin's own municipality: created, listed, revoked. Secrets are shown once. */
export function createApiKeysRouter(deps: StoreDeps): Router {
  const router = Router();
  router.use(authenticate(deps), requireRole('admin'));

  router.get('/', async (req, res) => {
    res.json({ items: await listApiKeys(deps.store.db, getAuth(req).tenant) } satisfies ApiKeyList);
  });

  router.post('/', async (req, res) => {
    const body = check(CreateApiKeyBody, 'body', req.body);
    res
      .status(201)
      .json(
        (await createApiKey(
          deps,
          getAuth(req),
          { name: body.name, permissions: body.permissions },
          body.reason,
        )) satisfies CreatedApiKey,
      );
  });

  router.get('/:keyId', async (req, res) => {
    const { keyId } = check(KeyIdParams, 'params', req.params);
    const key = await findApiKey(deps.store.db, getAuth(req).tenant, keyId);
    if (!key) throw new ApiError(404, 'NOT_FOUND', 'API-sleutel niet gevonden (API key not found).', '/params/keyId');
    res.json(key satisfies ApiKey);
  });

  router.post('/:keyId/revoke', async (req, res) => {
    const { keyId } = check(KeyIdParams, 'params', req.params);
    const body = check(ReasonBody, 'body', req.body ?? {});
    res.json((await revokeKey(deps, getAuth(req), keyId, body.reason)) satisfies ApiKey);
  });

  return router;
}
