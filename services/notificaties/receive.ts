import { ApiError } from '../../platform/errors';
import { checkCaseReference } from '../cases/case-reference';
import type { CaseService } from '../cases/case-service';
import type { NotificatieBody } from '../../contract/notificaties';
import type { Db } from '../../platform/store/create-store';
import { lastPathSegment, mapFields } from './field-map';
import { matchMapping } from './mappings';

export interface NotificatieReceiverDeps {
  db: Db;
  cases: Pick<CaseService, 'start' | 'sendEvent'>;
  /** The case id of a reference: `(t, p, r) => caseIdFor(idSecret, t, p, r)`. */
  caseIdOf: (tenant: string, processId: string, caseRef: string) => string;
  log: { info: (obj: object, msg: string) => void };
}

export type ReceiveResult = {
  result: 'case-started' | 'case-exists' | 'event-sent' | 'ignored';
  mappingId: string | null;
  caseId: string | null;
};

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
 * Turns one notification into a case start or a case event, by the tenant's mappings.
 * Unmatched notifications are acknowledged and logged as ignored: a ZGW landscape sends far
 * more than Doorstroom needs, and the Notificaties API expects a quick 2xx.
 */
export function createNotificatieReceiver(deps: NotificatieReceiverDeps) {
  return {
    async receive(tenant: string, n: NotificatieBody): Promise<ReceiveResult> {
      const logged = { tenant, kanaal: n.kanaal, resource: n.resource, actie: n.actie };
      const mapping = await matchMapping(deps.db, tenant, n);
      if (!mapping) {
        deps.log.info({ ...logged, result: 'ignored' }, 'notificatie ignored: no mapping matches');
        return { result: 'ignored', mappingId: null, caseId: null };
      }
      const { action } = mapping;
      const caseRef = caseRefFor(n.hoofdObject, action.caseRefPrefix ?? 'zgw-');
      let out: ReceiveResult;
      if (action.kind === 'start-case') {
        const started = await deps.cases.start(tenant, action.processId, caseRef, mapFields(n, action.data));
        out = {
          result: started.created ? 'case-started' : 'case-exists',
          mappingId: mapping.id,
          caseId: started.caseId,
        };
      } else {
        const caseId = deps.caseIdOf(tenant, action.processId, caseRef);
        try {
          await deps.cases.sendEvent(tenant, caseId, { name: action.eventName, payload: mapFields(n, action.payload) });
          out = { result: 'event-sent', mappingId: mapping.id, caseId };
        } catch (err) {
          if (err instanceof ApiError && err.code === 'CASE_NOT_FOUND') {
            if (action.ignoreMissingCase) {
              out = { result: 'ignored', mappingId: mapping.id, caseId: null };
            } else {
              throw new ApiError(
                404,
                'CASE_NOT_FOUND',
                `No ${action.processId} case with reference ${caseRef} in your municipality.`,
                '/body/hoofdObject',
              );
            }
          } else {
            throw err;
          }
        }
      }
      deps.log.info(
        { ...logged, result: out.result, mappingId: mapping.id, caseId: out.caseId },
        'notificatie handled',
      );
      return out;
    },
  };
}
