import { Router } from 'express';
import { authenticate, requirePermission, requireRole, requireUser } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import type { Permission } from '../../services/auth/roles';
import type { AuthDeps } from '../../services/auth/deps';
import {
  ApproveBody,
  ArtifactParams,
  CreateArtifactBody,
  CreateDraftBody,
  DiffQuery,
  EffectiveQuery,
  RejectBody,
  RetireBody,
  SubmitBody,
  UpdateDraftBody,
  VersionParams,
  type ArtifactHistory,
  type ArtifactList,
  type CreatedArtifact,
  type Version,
  type VersionDiff,
} from '../../contract/artifacts';
import { check } from './validate';
import { createArtifact, createDraft, updateDraft } from '../../services/versions/drafts';
import {
  diffVersions,
  getEffectiveVersion,
  getVersion,
  listArtifactSummaries,
  versionHistory,
} from '../../services/versions/queries';
import { approveVersion, rejectVersion, retireVersion, submitVersion } from '../../services/versions/review';
import type { ArtifactType, VersionDeps } from '../../services/versions/types';

const READ: Record<ArtifactType, Permission> = { ruleset: 'rulesets:read', definition: 'definitions:read' };

/**
 * The versioning endpoints, shared by /rulesets and /definitions. Reading needs the read
 * permission (every municipal role has it; keys when granted). Designers write drafts;
 * approvers review, publish and retire. Only people do either, never API keys.
 */
export function createArtifactRouter(deps: VersionDeps & AuthDeps, type: ArtifactType): Router {
  const router = Router();
  const designer = [requireUser, requireRole('designer')];
  const approver = [requireUser, requireRole('approver')];
  router.use(authenticate(deps));

  router.get('/', requirePermission(READ[type]), async (req, res) => {
    res.json({ items: await listArtifactSummaries(deps, getAuth(req), type) } satisfies ArtifactList);
  });

  router.post('/', ...designer, async (req, res) => {
    const body = check(CreateArtifactBody, 'body', req.body);
    res.status(201).json((await createArtifact(deps, getAuth(req), type, body)) satisfies CreatedArtifact);
  });

  router.get('/:key', requirePermission(READ[type]), async (req, res) => {
    const { key } = check(ArtifactParams, 'params', req.params);
    res.json((await versionHistory(deps, getAuth(req), type, key)) satisfies ArtifactHistory);
  });

  router.get('/:key/effective', requirePermission(READ[type]), async (req, res) => {
    const { key } = check(ArtifactParams, 'params', req.params);
    const { at } = check(EffectiveQuery, 'query', req.query);
    res.json((await getEffectiveVersion(deps, getAuth(req), type, key, at)) satisfies Version);
  });

  router.get('/:key/diff', requirePermission(READ[type]), async (req, res) => {
    const { key } = check(ArtifactParams, 'params', req.params);
    const { from, to } = check(DiffQuery, 'query', req.query);
    res.json((await diffVersions(deps, getAuth(req), type, key, from, to)) satisfies VersionDiff);
  });

  router.post('/:key/versions', ...designer, async (req, res) => {
    const { key } = check(ArtifactParams, 'params', req.params);
    const body = check(CreateDraftBody, 'body', req.body ?? {});
    res.status(201).json((await createDraft(deps, getAuth(req), type, key, body)) satisfies Version);
  });

  router.get('/:key/versions/:version', requirePermission(READ[type]), async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    res.json((await getVersion(deps, getAuth(req), type, key, version)) satisfies Version);
  });

  router.put('/:key/versions/:version', ...designer, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const body = check(UpdateDraftBody, 'body', req.body);
    res.json((await updateDraft(deps, getAuth(req), type, key, version, body)) satisfies Version);
  });

  router.post('/:key/versions/:version/submit', ...designer, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const body = check(SubmitBody, 'body', req.body);
    res.json((await submitVersion(deps, getAuth(req), type, key, version, body.comment)) satisfies Version);
  });

  router.post('/:key/versions/:version/approve', ...approver, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const body = check(ApproveBody, 'body', req.body ?? {});
    res.json((await approveVersion(deps, getAuth(req), type, key, version, body)) satisfies Version);
  });

  router.post('/:key/versions/:version/reject', ...approver, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const body = check(RejectBody, 'body', req.body);
    res.json((await rejectVersion(deps, getAuth(req), type, key, version, body.comment)) satisfies Version);
  });

  router.post('/:key/versions/:version/retire', ...approver, async (req, res) => {
    const { key, version } = check(VersionParams, 'params', req.params);
    const body = check(RetireBody, 'body', req.body);
    res.json((await retireVersion(deps, getAuth(req), type, key, version, body.reason)) satisfies Version);
  });

  return router;
}
