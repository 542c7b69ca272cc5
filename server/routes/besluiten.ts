import { Router } from 'express';
import { appendAudit } from '../../services/audit/audit';
import { authenticate, getAuth, requirePermission, type AuthDeps } from '../auth';
import type { BesluitService } from '../../services/besluiten/besluit-service';
import { ApiError } from '../../platform/errors';
import { CaseParams } from '../../contract/cases';
import { BesluitParams, type BesluitList } from '../../contract/besluiten';
import { check } from './validate';

export interface BesluitenRouterDeps {
  auth: AuthDeps;
  besluiten: BesluitService;
}

/** A file name safe in a Content-Disposition header: the pseudonymous case reference, letters and digits only. */
export function besluitFileName(caseRef: string): string {
  const safe = caseRef
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `besluit-${safe || 'zaak'}.pdf`;
}

/** The besluiten of a case, paths relative to /api/v1: listed with their hashes, downloaded as PDF (audited). */
export function createBesluitenRouter(deps: BesluitenRouterDeps): Router {
  const router = Router();
  const read = [authenticate(deps.auth), requirePermission('cases:read')];

  router.get('/cases/:caseId/besluiten', ...read, async (req, res) => {
    const { caseId } = check(CaseParams, 'params', req.params);
    res.json({ items: await deps.besluiten.list(getAuth(req).tenant, caseId) } satisfies BesluitList);
  });

  router.get('/cases/:caseId/besluiten/:besluitId', ...read, async (req, res) => {
    const { caseId, besluitId } = check(BesluitParams, 'params', req.params);
    const auth = getAuth(req);
    const besluit = await deps.besluiten.get(auth.tenant, caseId, besluitId);
    if (!besluit)
      throw new ApiError(
        404,
        'NOT_FOUND',
        'Geen besluit met dit id bij deze zaak (no such besluit for this case).',
        '/params/besluitId',
      );
    await appendAudit(
      deps.auth.store.db,
      {
        tenantId: auth.tenant,
        actor: { kind: auth.actor.kind, id: auth.actor.id },
        action: 'besluit.download',
        target: { type: 'besluit', id: besluit.id },
        details: { caseId, sha256: besluit.sha256 },
      },
      deps.auth.clock().toISOString(),
    );
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${besluitFileName(besluit.caseRef)}"`)
      .set('Cache-Control', 'private, no-store')
      // RFC 9530: the client can check the bytes against the hash the decision record holds.
      .set('Repr-Digest', `sha-256=:${Buffer.from(besluit.sha256, 'hex').toString('base64')}:`)
      .send(besluit.pdf);
  });

  return router;
}
