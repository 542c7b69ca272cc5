import { Router } from 'express';
import {
  deleteAlertConfig,
  getAlertConfig,
  putAlertConfig,
  rotateAlertSecret,
  sendAlertNow,
} from '../../services/alerts/alert-config';
import type { DigestScheduler } from '../../services/alerts/digest-schedule';
import { getDigestLogEntry, listDigestLog } from '../../services/alerts/digest-log';
import { authenticate, getAuth, requireRole, type AuthDeps } from '../auth';
import {
  DigestIdParams,
  DigestLogQuery,
  PutAlertConfigBody,
  ReasonBody,
  ReasonQuery,
  type AlertConfig,
  type AlertConfigWithSecret,
  type DigestLogEntry,
  type DigestLogList,
  type SendNowResponse,
} from '../../contract/alerts';
import { check } from './validate';

export interface AlertsRouterDeps {
  auth: AuthDeps;
  /** The Temporal side: schedules per municipality and manual runs (createDigestScheduler). */
  scheduler: DigestScheduler;
  /** True when DOORSTROOM_SMTP_URL is set: only then may a digest go by e-mail. */
  emailAvailable: boolean;
  env?: NodeJS.ProcessEnv;
  /** How long send-now waits for the result before answering 202 (default 30 s). */
  sendNowWaitMs?: number;
}

/**
 * The deadline digest of the admin's own municipality, paths relative to /api/v1: its
 * configuration (one per municipality), send-now, and the log of digests sent.
 */
export function createAlertsRouter(deps: AlertsRouterDeps): Router {
  const router = Router();
  const guard = [authenticate(deps.auth), requireRole('admin')];
  const db = () => deps.auth.store.db;
  const configDeps = () => ({
    store: deps.auth.store,
    clock: deps.auth.clock,
    scheduler: deps.scheduler,
    emailAvailable: deps.emailAvailable,
    env: deps.env,
  });

  router.get('/alerts/deadline-digest', ...guard, async (req, res) => {
    res.json((await getAlertConfig(db(), getAuth(req).tenant)) satisfies AlertConfig);
  });

  router.put('/alerts/deadline-digest', ...guard, async (req, res) => {
    const { reason, ...input } = check(PutAlertConfigBody, 'body', req.body);
    const { created, ...out } = await putAlertConfig(configDeps(), getAuth(req), input, reason);
    res.status(created ? 201 : 200).json(out satisfies AlertConfigWithSecret);
  });

  router.delete('/alerts/deadline-digest', ...guard, async (req, res) => {
    const { reason } = check(ReasonQuery, 'query', req.query);
    await deleteAlertConfig(configDeps(), getAuth(req), reason);
    res.status(204).end();
  });

  router.post('/alerts/deadline-digest/rotate-secret', ...guard, async (req, res) => {
    const { reason } = check(ReasonBody, 'body', req.body ?? {});
    res.json((await rotateAlertSecret(configDeps(), getAuth(req), reason)) satisfies AlertConfigWithSecret);
  });

  router.post('/alerts/deadline-digest/send-now', ...guard, async (req, res) => {
    const { reason } = check(ReasonBody, 'body', req.body ?? {});
    const auth = getAuth(req);
    const run = await sendAlertNow(configDeps(), auth, reason, deps.sendNowWaitMs ?? 30_000);
    const entry = run.result ? await getDigestLogEntry(db(), auth.tenant, run.digestId) : null;
    res
      .status(entry ? 200 : 202)
      .location(`/api/v1/alerts/digests/${run.digestId}`)
      .json({ digestId: run.digestId, entry } satisfies SendNowResponse);
  });

  router.get('/alerts/digests', ...guard, async (req, res) => {
    const query = check(DigestLogQuery, 'query', req.query);
    res.json({ items: await listDigestLog(db(), getAuth(req).tenant, query) } satisfies DigestLogList);
  });

  router.get('/alerts/digests/:digestId', ...guard, async (req, res) => {
    const { digestId } = check(DigestIdParams, 'params', req.params);
    res.json((await getDigestLogEntry(db(), getAuth(req).tenant, digestId)) satisfies DigestLogEntry);
  });

  return router;
}
