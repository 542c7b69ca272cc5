import { Router } from 'express';
import { PutZgwSettingsBody, type ZgwSettingsResponse } from '../../contract/zgw';
import { ApiError } from '../../platform/errors';
import { findZgwSettingsRow, saveZgwSettings, toZgwSettings } from '../../services/zgw/zgw-settings';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import type { StoreDeps } from './store-deps';
import { check } from './validate';

/**
 * The municipality's link with its ZGW APIs (paths relative to /api/v1): administrators read
 * and replace it (audited as zgwSettings.update); the client secret is written, never read back.
 */
export function createZgwRouter(deps: StoreDeps): Router {
  const router = Router();
  const admin = [authenticate(deps), requireRole('admin')];

  router.get('/zgw-settings', ...admin, async (req, res) => {
    const row = await findZgwSettingsRow(deps.store.db, getAuth(req).tenant);
    res.json({ settings: row ? toZgwSettings(row) : null } satisfies ZgwSettingsResponse);
  });

  router.put('/zgw-settings', ...admin, async (req, res) => {
    const { reason, ...input } = check(PutZgwSettingsBody, 'body', req.body);
    // The secret is sealed with the product's key ring, as the identity provider's is.
    const box = deps.oidc?.box;
    if (!box)
      throw new ApiError(
        404,
        'ZGW_NOT_CONFIGURED',
        'Deze server heeft geen sleutelring om het client secret te versleutelen (no key ring for secrets on this server).',
      );
    const auth = getAuth(req);
    const settings = await saveZgwSettings(
      { store: deps.store, box },
      auth.tenant,
      input,
      auth.actor,
      reason,
      deps.clock().toISOString(),
    );
    res.json({ settings } satisfies ZgwSettingsResponse);
  });

  return router;
}
