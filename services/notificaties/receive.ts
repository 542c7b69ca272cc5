import { ApiError } from '../../platform/errors';
import { checkCaseReference } from '../cases/case-reference';
import type { CaseService } from '../cases/case-service';
import { randomUUID } from 'node:crypto';
import type { NotificatieAccepted, NotificatieBody, NotificatieMapping } from '../../contract/notificaties';
import type { Db } from '../../platform/store/create-store';
import { lastPathSegment, mapFields } from './field-map';
import { matchMappings } from './mappings';
import { recordReceived } from './notificatie-log';
import { notificationKey } from './notification-key';
import type { NotificationWorkflows } from './notification-workflows';
import { readsZaak } from './zaak-mapping';

export interface NotificatieReceiverDeps {
  db: Db;
  cases: Pick<CaseService, 'start' | 'sendEvent'>;
  /** The case id of a reference: `(t, p, r) => caseIdFor(idSecret, t, p, r)`. */
  caseIdOf: (tenant: string, processId: string, caseRef: string) => string;
  log: { info: (obj: object, msg: string) => void };
  clock: () => Date;
  /** Starts the workflow of a mapping that reads the zaak; absent, such a notification is refused with 503. */
  workflows?: NotificationWorkflows;
}

export type ReceiveResult = {
  result: 'case-started' | 'case-exists' | 'event-sent' | 'ignored';
  mappingId: string | null;
  caseId: string | null;
};

/** 200 with what was done (kenmerken form), or 202 when a workflow reads the zaak first. */
export type ReceiveAnswer = { status: 200; body: ReceiveResult } | { status: 202; body: NotificatieAccepted };

/** `zgw-<uuid>` from `https://…/zaken/<uuid>`: a pseudonymous reference, never personal data. */
export function caseRefFor(hoofdObject: string, prefix = 'zgw-'): string {
  const segment = lastPathSegment(hoofdObject);
  if (!segment)
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      '/body/hoofdObject: has no path segment to derive a case reference from',
      '/body/hoofdObject',
    );
  const ref = `${prefix}${segment}`;
  checkCaseReference(ref, '/body/hoofdObject');
  return ref;
}

/**
 * Turns one notification into a case start or a case event, by the tenant's mappings, and logs
 * what came of it (services/notificaties/notificatie-log.ts). A mapping that reads the zaak
 * (`zaak.*`, `status.*`, `eigenschap:*`, or `readZaak`) is handed to a workflow that fetches it:
 * answered 202 at once. The kenmerken form is handled here and answered 200. Unmatched
 * notifications are acknowledged and logged as ignored: a ZGW landscape sends far more than
 * Doorstroom needs, and the Notificaties API expects a quick 2xx.
 */
export function createNotificatieReceiver(deps: NotificatieReceiverDeps) {
  async function applyKenmerken(
    tenant: string,
    n: NotificatieBody,
    mapping: NotificatieMapping,
  ): Promise<ReceiveResult> {
    const { action } = mapping;
    const caseRef = caseRefFor(n.hoofdObject, action.caseRefPrefix ?? 'zgw-');
    if (action.kind === 'start-case') {
      const started = await deps.cases.start(tenant, action.processId, caseRef, mapFields(n, action.data));
      return {
        result: started.created ? 'case-started' : 'case-exists',
        mappingId: mapping.id,
        caseId: started.caseId,
      };
    }
    const caseId = deps.caseIdOf(tenant, action.processId, caseRef);
    try {
      await deps.cases.sendEvent(tenant, caseId, { name: action.eventName, payload: mapFields(n, action.payload) });
      return { result: 'event-sent', mappingId: mapping.id, caseId };
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CASE_NOT_FOUND') {
        if (action.ignoreMissingCase) return { result: 'ignored', mappingId: mapping.id, caseId: null };
        throw new ApiError(
          404,
          'CASE_NOT_FOUND',
          `No ${action.processId} case with reference ${caseRef} in your municipality.`,
          '/body/hoofdObject',
        );
      }
      throw err;
    }
  }

  return {
    async receive(tenant: string, n: NotificatieBody): Promise<ReceiveAnswer> {
      const logged = { tenant, kanaal: n.kanaal, resource: n.resource, actie: n.actie };
      const receivedAt = deps.clock().toISOString();
      const entry = {
        tenant_id: tenant,
        received_at: receivedAt,
        kanaal: n.kanaal,
        resource: n.resource,
        actie: n.actie,
      };
      const mappings = await matchMappings(deps.db, tenant, n);
      const mapping = mappings[0];
      if (!mapping) {
        await recordReceived(deps.db, {
          ...entry,
          id: randomUUID(),
          mode: 'kenmerken',
          mapping_id: null,
          result: 'ignored',
          ignore_reason: 'no-mapping',
          completed_at: receivedAt,
        });
        deps.log.info({ ...logged, result: 'ignored' }, 'notificatie ignored: no mapping matches');
        return { status: 200, body: { result: 'ignored', mappingId: null, caseId: null } };
      }

      if (readsZaak(mapping.action)) {
        if (!deps.workflows)
          throw new ApiError(
            503,
            'TEMPORAL_UNAVAILABLE',
            'Deze server kan de zaak achter de notificatie nu niet laten lezen (no workflow engine for notifications).',
          );
        const key = notificationKey(tenant, n);
        // Logged before the workflow starts: a start that fails is retried by the Notificaties API with the same key.
        await recordReceived(deps.db, { ...entry, id: key, mode: 'zaak', mapping_id: mapping.id });
        const candidates = mappings
          .filter((m) => readsZaak(m.action))
          .map((m) => ({ mappingId: m.id, action: m.action }));
        const { duplicate } = await deps.workflows.start({ tenant, key, notification: n, candidates });
        deps.log.info({ ...logged, result: 'accepted', mappingId: mapping.id, duplicate }, 'notificatie accepted');
        return { status: 202, body: { result: 'accepted', mappingId: mapping.id, logId: key, duplicate } };
      }

      const id = randomUUID();
      let out: ReceiveResult;
      try {
        out = await applyKenmerken(tenant, n, mapping);
      } catch (err) {
        await recordReceived(deps.db, {
          ...entry,
          id,
          mode: 'kenmerken',
          mapping_id: mapping.id,
          result: 'failed',
          error_code: err instanceof ApiError ? err.code : 'INTERNAL',
          completed_at: deps.clock().toISOString(),
        });
        throw err;
      }
      await recordReceived(deps.db, {
        ...entry,
        id,
        mode: 'kenmerken',
        mapping_id: mapping.id,
        result: out.result,
        ignore_reason: out.result === 'ignored' ? 'missing-case' : null,
        case_id: out.caseId,
        completed_at: deps.clock().toISOString(),
      });
      deps.log.info(
        { ...logged, result: out.result, mappingId: mapping.id, caseId: out.caseId },
        'notificatie handled',
      );
      return { status: 200, body: out };
    },
  };
}
