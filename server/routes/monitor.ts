import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { authenticate, getAuth, requireRole, TENANT_ROLES, type AuthDeps } from '../auth';
import type { CaseService } from '../../services/cases/case-service';
import type { DefinitionSource } from '../../services/cases/definition-source';
import { ApiError } from '../../platform/errors';
import { createCaseDefinitionLoader } from '../../services/monitor/case-definition';
import { buildCaseView } from '../../services/monitor/case-view';
import type { LiveHub } from '../../services/monitor/live-hub';
import { MONITOR_CONFIG } from '../../services/monitor/monitor-config';
import { deleteSavedFilter, listSavedFilters, saveFilter } from '../../services/monitor/saved-filters';
import { createStateCache } from '../../services/monitor/state-cache';
import { listZgwWrites } from '../../services/zgw/zgw-sync-store';
import { computeSummary, type MonitorSummary } from '../../services/monitor/summary';
import {
  EventsQuery,
  MonitorCaseParams,
  SavedFilterParams,
  SaveFilterBody,
  type CaseView,
  type ProcessCatalog,
  type SavedFilter,
  type SavedFilterList,
} from '../../contract/monitor';
import { check } from './validate';

export interface MonitorRouterDeps {
  auth: AuthDeps;
  cases: CaseService;
  definitions: DefinitionSource;
  client: Client;
  namespace: string;
  codec: PayloadCodec;
  hub: LiveHub;
}

const STATUS_NAMES: Record<string, string> = {
  RUNNING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  TERMINATED: 'terminated',
  CONTINUED_AS_NEW: 'continued_as_new',
  TIMED_OUT: 'timed_out',
};

/**
 * The supervisor's monitor, paths relative to /api/v1. Every municipal role reads; acting on a
 * case goes through the case API (POST /cases/{caseId}/events and /cancel), which only
 * supervisors may call and which audits every action.
 */
export function createMonitorRouter(deps: MonitorRouterDeps): Router {
  const router = Router();
  const read = [authenticate(deps.auth), requireRole(...TENANT_ROLES)];
  const states = createStateCache((tenant, caseId) => deps.cases.get(tenant, caseId));
  const loadDefinition = createCaseDefinitionLoader(deps);
  const summaries = new Map<string, { at: number; value: Promise<MonitorSummary> }>();

  router.get('/monitor/summary', ...read, async (req, res) => {
    const tenant = getAuth(req).tenant;
    const hit = summaries.get(tenant);
    const now = Date.now();
    // Many supervisors refreshing on the same change share one computation.
    if (!hit || now - hit.at > MONITOR_CONFIG.summaryTtlMs) {
      const value = computeSummary(
        { cases: deps.cases, definitions: deps.definitions, db: deps.auth.store.db, states, clock: deps.auth.clock },
        tenant,
      );
      summaries.set(tenant, { at: now, value });
      value.catch(() => summaries.delete(tenant));
    }
    res
      .set('Cache-Control', 'no-store')
      .json((await (summaries.get(tenant) as { value: Promise<MonitorSummary> }).value) satisfies MonitorSummary);
  });

  router.get('/monitor/processes', ...read, async (req, res) => {
    const defs = await deps.definitions.list(getAuth(req).tenant);
    res.json({
      items: defs.map((d) => ({
        processId: d.id,
        title: { nl: d.title.nl, en: d.title.en ?? d.title.nl },
        steps: d.nodes
          .filter((n) => n.kind !== 'end')
          .map((n) => ({ id: n.id, kind: n.kind, label: { nl: n.label.nl, en: n.label.en ?? n.label.nl } })),
        outcomes: d.nodes.flatMap((n) =>
          n.kind === 'end' ? [{ id: n.outcome, label: { nl: n.label.nl, en: n.label.en ?? n.label.nl } }] : [],
        ),
      })),
    } satisfies ProcessCatalog);
  });

  router.get('/monitor/cases/:caseId', ...read, async (req, res) => {
    const { caseId } = check(MonitorCaseParams, 'params', req.params);
    const auth = getAuth(req);
    const state = await deps.cases.get(auth.tenant, caseId);
    const [definition, description, zgwWrites] = await Promise.all([
      loadDefinition(caseId),
      deps.client.workflow.getHandle(caseId).describe(),
      listZgwWrites(deps.auth.store.db, auth.tenant, caseId),
    ]);
    if (!definition)
      throw new ApiError(404, 'CASE_NOT_FOUND', `Case ${caseId} has no readable definition.`, '/params/caseId');
    const status = STATUS_NAMES[description.status.name] ?? description.status.name.toLowerCase();
    res
      .set('Cache-Control', 'no-store')
      .json(
        buildCaseView(
          state,
          definition,
          status,
          auth.permissions.includes('cases:events'),
          zgwWrites,
        ) satisfies CaseView,
      );
  });

  router.get('/monitor/events', ...read, (req, res) => {
    const { watch } = check(EventsQuery, 'query', req.query);
    const tenant = getAuth(req).tenant;
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n: verbonden\n\n');
    const unsubscribe = deps.hub.subscribe(tenant, watch ? watch.split(',').filter(Boolean) : [], (msg) => {
      res.write(`event: changed\ndata: ${JSON.stringify(msg)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  router.get('/monitor/saved-filters', ...read, async (req, res) => {
    const auth = getAuth(req);
    res.json({
      items: await listSavedFilters(deps.auth.store.db, auth.tenant, auth.actor.id),
    } satisfies SavedFilterList);
  });

  router.post('/monitor/saved-filters', ...read, async (req, res) => {
    const auth = getAuth(req);
    const body = check(SaveFilterBody, 'body', req.body);
    res
      .status(201)
      .json(
        (await saveFilter(
          deps.auth.store.db,
          auth.tenant,
          auth.actor.id,
          body,
          deps.auth.clock().toISOString(),
        )) satisfies SavedFilter,
      );
  });

  router.delete('/monitor/saved-filters/:filterId', ...read, async (req, res) => {
    const { filterId } = check(SavedFilterParams, 'params', req.params);
    const auth = getAuth(req);
    await deleteSavedFilter(deps.auth.store.db, auth.tenant, auth.actor.id, filterId);
    res.status(204).end();
  });

  return router;
}
