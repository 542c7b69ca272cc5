import { Router } from 'express';
import { authenticate, getAuth, requireRole, TENANT_ROLES, type AuthDeps } from '../auth';
import { currentHalfYear, previousHalfYear } from '../../services/quota/half-years';
import { computeTaakstelling } from '../../services/quota/taakstelling';
import { listTargets, saveTargets } from '../../services/quota/targets';
import { parseTargetsCsv } from '../../services/quota/targets-csv';
import {
  ImportTargetsBody,
  ListTargetsQuery,
  SetTargetBody,
  TargetParams,
  type ImportTargetsResult,
  type QuotaTargetList,
  type TaakstellingResponse,
} from '../../contract/quota';
import { check } from './validate';

export interface QuotaRouterDeps {
  auth: AuthDeps;
}

/**
 * The taakstelling, paths relative to /api/v1: every municipal role reads targets and the
 * realisation; administrators enter or import targets (audited).
 */
export function createQuotaRouter(deps: QuotaRouterDeps): Router {
  const router = Router();
  const read = [authenticate(deps.auth), requireRole(...TENANT_ROLES)];
  const write = [authenticate(deps.auth), requireRole('admin')];
  const db = () => deps.auth.store.db;
  const now = () => deps.auth.clock();

  router.get('/quota/targets', ...read, async (req, res) => {
    const { halfYear } = check(ListTargetsQuery, 'query', req.query);
    res.json({ items: await listTargets(db(), getAuth(req).tenant, halfYear) } satisfies QuotaTargetList);
  });

  router.put('/quota/targets/:municipality/:halfYear', ...write, async (req, res) => {
    const { municipality, halfYear } = check(TargetParams, 'params', req.params);
    const body = check(SetTargetBody, 'body', req.body);
    const [saved] = await saveTargets(
      db(),
      getAuth(req),
      [{ municipality, halfYear, target: body.target, backlog: body.backlog ?? null, surplus: body.surplus ?? null }],
      'manual',
      body.reason,
      now().toISOString(),
    );
    res.json(saved);
  });

  router.post('/quota/targets/import', ...write, async (req, res) => {
    const body = check(ImportTargetsBody, 'body', req.body);
    const items = await saveTargets(
      db(),
      getAuth(req),
      parseTargetsCsv(body.csv),
      'csv',
      body.reason,
      now().toISOString(),
    );
    res.json({ imported: items.length, items } satisfies ImportTargetsResult);
  });

  router.get('/quota/taakstelling', ...read, async (req, res) => {
    const at = now();
    const current = currentHalfYear(at);
    res.json({
      currentHalfYear: current,
      previousHalfYear: previousHalfYear(current),
      taakstelling: await computeTaakstelling(db(), getAuth(req).tenant, at),
    } satisfies TaakstellingResponse);
  });

  return router;
}
