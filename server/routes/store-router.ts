import { Router } from 'express';
import { storeDeps, type StoreDeps, type StoreRouterOptions } from './store-deps';
import { createApiKeysRouter } from './api-keys';
import { createAuditRouter } from './audit';
import { createAuthRouter } from './auth';
import { createOidcRouter } from './oidc';
import { createAdminRouter } from './admin';
import { createDefinitionsRouter } from './definitions';
import { createRulesetsRouter } from './rulesets';
import { createTenantsRouter } from './tenants';
import { createUsersRouter } from './users';
import { createZgwRouter } from './zgw';

export { storeDeps, type StoreDeps, type StoreRouterOptions } from './store-deps';

/**
 * The store's endpoints, with paths relative to `/api/v1`:
 * auth, tenants, users, api-keys, rulesets, definitions and audit.
 */
export function createStoreRouter(options: StoreRouterOptions | StoreDeps): Router {
  const deps = storeDeps(options);
  const router = Router();
  router.use(createOidcRouter(deps));
  router.use(createAdminRouter(deps));
  router.use(createZgwRouter(deps));
  router.use('/auth', createAuthRouter(deps));
  router.use('/tenants', createTenantsRouter(deps));
  router.use('/users', createUsersRouter(deps));
  router.use('/api-keys', createApiKeysRouter(deps));
  router.use('/rulesets', createRulesetsRouter(deps));
  router.use('/definitions', createDefinitionsRouter(deps));
  router.use('/audit', createAuditRouter(deps));
  return router;
}
