import { Router } from 'express';
import { PutZgwSettingsBody, type ZgwSettingsResponse } from '../../contract/zgw';
import { storeDefinitionSource } from '../../services/wiring/store-sources';
import { findZgwSettingsRow, saveZgwSettings, toZgwSettings } from '../../services/zgw/zgw-settings';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import type { StoreDeps } from './store-deps';
import { check } from './validate';

/**
 * The municipality's link with its ZGW APIs (paths relative to /api/v1): administrators read
 * and replace it (audited as zgwSettings.update); the client secret is written, never read back.
 * The process links are checked against the municipality's published processes.
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
    const auth = getAuth(req);
    const definitions = storeDefinitionSource(deps.store, deps.clock);
    const settings = await saveZgwSettings(
      {
        store: deps.store,
        // The store's key ring (DOORSTROOM_CODEC_KEYS), which the worker opens it with; secrets
        // sealed earlier with the identity providers' box open as well: in the product both are that ring.
        box: deps.store.secrets,
        definitionOf: (processId) => definitions.get(auth.tenant, processId),
      },
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
