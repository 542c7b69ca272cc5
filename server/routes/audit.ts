import { Router, type Request } from 'express';
import { queryAudit, MAX_AUDIT_PAGE, type AuditFilter } from '../../services/audit/audit';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '../../services/audit/csv';
import { authenticate, requireRole } from '../auth/authenticate';
import { getAuth } from '../auth/context';
import { TENANT_ROLES } from '../../services/auth/roles';
import { toInstant } from '../../services/versions/dates';
import { AuditQuery, type AuditPage } from '../../contract/audit';
import { check } from './validate';
import type { StoreDeps } from './store-deps';

function filterOf(req: Request): AuditFilter {
  const q = check(AuditQuery, 'query', req.query);
  return {
    ...q,
    ...(q.from !== undefined ? { from: toInstant(q.from, '/query/from') } : {}),
    ...(q.to !== undefined ? { to: toInstant(q.to, '/query/to') } : {}),
  };
}

/**
 * The municipality's audit trail, newest first, for every municipal role (everyone sees who
 * changed what); API keys have no access. Read-only: there is no endpoint that changes it.
 */
export function createAuditRouter(deps: StoreDeps): Router {
  const router = Router();
  router.use(authenticate(deps), requireRole(...TENANT_ROLES));

  router.get('/', async (req, res) => {
    const filter = filterOf(req);
    const items = await queryAudit(deps.store.db, getAuth(req).tenant, filter);
    const limit = filter.limit ?? 100;
    res.json({
      items,
      nextBefore: items.length === limit ? (items[items.length - 1]?.seq ?? null) : null,
    } satisfies AuditPage);
  });

  /** The whole filtered trail as CSV, streamed page by page. */
  router.get('/export.csv', async (req, res) => {
    const { limit: _ignored, ...filter } = filterOf(req);
    const tenant = getAuth(req).tenant;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${tenant}.csv"`);
    res.write(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`);
    let before = filter.before;
    for (;;) {
      const page = await queryAudit(deps.store.db, tenant, {
        ...filter,
        limit: MAX_AUDIT_PAGE,
        ...(before !== undefined ? { before } : {}),
      });
      if (page.length > 0) res.write(page.map((e) => `${auditCsvRow(e)}\r\n`).join(''));
      if (page.length < MAX_AUDIT_PAGE) break;
      before = page[page.length - 1]?.seq;
    }
    res.end();
  });

  return router;
}
