import { Router } from 'express';
import { appendAudit } from '../../services/audit/audit';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth, type AuthContext } from '../auth/context';
import { NATIONAL_ADMIN } from '../../services/auth/roles';
import { createTenant } from '../../services/auth/tenant-admin';
import { ApiError } from '../../platform/errors';
import { findTenant, listTenants, renameTenant } from '../../platform/store/tenants';
import { TenantIdParams } from '../../contract/common';
import {
  CreateTenantBody,
  UpdateTenantBody,
  type CreatedTenantResponse,
  type Tenant,
  type TenantList,
} from '../../contract/tenants';
import { check } from './validate';
import type { StoreDeps } from './store-deps';

const isNational = (auth: AuthContext) => auth.roles.includes(NATIONAL_ADMIN);
const tenantNotFound = () =>
  new ApiError(404, 'NOT_FOUND', 'Gemeente niet gevonden (municipality not found).', '/params/tenantId');

/** Municipalities. Only a national administrator sees or manages others than their own. */
export function createTenantsRouter(deps: StoreDeps): Router {
  const router = Router();
  router.use(authenticate(deps));

  router.get('/', async (req, res) => {
    const auth = getAuth(req);
    const items = isNational(auth)
      ? await listTenants(deps.store.db)
      : [await findTenant(deps.store.db, auth.tenant)].filter((t) => t !== undefined);
    res.json({ items } satisfies TenantList);
  });

  router.post('/', requireRole(NATIONAL_ADMIN), async (req, res) => {
    const auth = getAuth(req);
    const body = check(CreateTenantBody, 'body', req.body);
    const created = await createTenant(
      deps,
      { ...auth.actor, tenant: auth.tenant },
      { id: body.id, name: body.name, ...(body.admin ? { admin: body.admin } : {}) },
      body.reason,
    );
    res.status(201).json(created satisfies CreatedTenantResponse);
  });

  router.get('/:tenantId', async (req, res) => {
    const auth = getAuth(req);
    const { tenantId } = check(TenantIdParams, 'params', req.params);
    if (!isNational(auth) && tenantId !== auth.tenant) throw tenantNotFound();
    const tenant = await findTenant(deps.store.db, tenantId);
    if (!tenant) throw tenantNotFound();
    res.json(tenant satisfies Tenant);
  });

  router.patch('/:tenantId', requireRole(NATIONAL_ADMIN), async (req, res) => {
    const auth = getAuth(req);
    const { tenantId } = check(TenantIdParams, 'params', req.params);
    const body = check(UpdateTenantBody, 'body', req.body);
    const now = deps.clock().toISOString();
    const tenant = await deps.store.transaction(async (trx) => {
      const before = await findTenant(trx, tenantId);
      if (!before) throw tenantNotFound();
      const after = await renameTenant(trx, tenantId, body.name);
      await appendAudit(
        trx,
        {
          tenantId,
          actor: auth.actor,
          action: 'tenant.update',
          target: { type: 'tenant', id: tenantId },
          reason: body.reason ?? null,
          details: { before: { name: before.name }, after: { name: body.name } },
        },
        now,
      );
      return after;
    });
    res.json(tenant);
  });

  return router;
}
