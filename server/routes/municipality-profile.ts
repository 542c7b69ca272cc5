import { Router } from 'express';
import { authenticate, getAuth, requirePermission, requireRole, type AuthDeps } from '../auth';
import { profileCompleteness } from '../../services/municipalities/profile-completeness';
import { readProfile, saveProfile } from '../../services/municipalities/profile-store';
import { PutMunicipalityProfileBody, type MunicipalityProfileResponse } from '../../contract/municipality-profile';
import { check } from './validate';

export interface MunicipalityProfileRouterDeps {
  auth: AuthDeps;
}

/**
 * The municipality's profile, paths relative to /api/v1: everyone of the municipality reads it
 * (and whether a besluit can be signed with it); administrators replace it (audited).
 */
export function createMunicipalityProfileRouter(deps: MunicipalityProfileRouterDeps): Router {
  const router = Router();
  const db = () => deps.auth.store.db;

  router.get('/municipality/profile', authenticate(deps.auth), requirePermission('cases:read'), async (req, res) => {
    const profile = await readProfile(db(), getAuth(req).tenant);
    res.json({ profile, completeness: profileCompleteness(profile) } satisfies MunicipalityProfileResponse);
  });

  router.put('/municipality/profile', authenticate(deps.auth), requireRole('admin'), async (req, res) => {
    const { reason, ...fields } = check(PutMunicipalityProfileBody, 'body', req.body);
    const auth = getAuth(req);
    const profile = await saveProfile(
      deps.auth.store,
      auth.tenant,
      fields,
      auth.actor,
      reason,
      deps.auth.clock().toISOString(),
    );
    res.json({ profile, completeness: profileCompleteness(profile) } satisfies MunicipalityProfileResponse);
  });

  return router;
}
