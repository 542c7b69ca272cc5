import { ApplicationFailure } from '@temporalio/common';
import { ApiError } from '../../platform/errors';
import type { CaseService } from '../../services/cases/case-service';
import { conditionsHold, projectSnapshot } from '../../services/notificaties/zaak-mapping';
import { caseRefFor } from '../../services/notificaties/receive';
import type { ZgwClientFor } from '../../services/zgw/zgw-connection';
import { ZgwError } from '../../services/zgw/zgw-error';
import { mapZaakFields } from '../../services/zgw/zgw-fields';
import type { NotificatieOutcomeRecord } from '../../services/notificaties/notificatie-log';
import type { ZgwNotificationActivities, ZgwNotificationOutcome } from '../../workflows/zgw-notification-input';

export interface NotificatieActivityDeps {
  notificaties: {
    /** The municipality's ZGW client (services/zgw/zgw-connection.ts). */
    zgwClientFor: ZgwClientFor;
    /** The case service, with the worker's Temporal client. */
    cases: () => Pick<CaseService, 'start' | 'sendEvent'>;
    caseIdOf: (tenant: string, processId: string, caseRef: string) => string;
    /** Writes the outcome to the notification log (services/notificaties/notificatie-log.ts). */
    recordOutcome: (tenant: string, key: string, outcome: NotificatieOutcomeRecord) => Promise<void>;
  };
}

/** Codes that retrying will not change: the workflow gets them at once and records them. */
const PERMANENT = new Set([
  'ZGW_REFUSED',
  'ZGW_NOT_CONFIGURED',
  'INVALID_CASE_DATA',
  'VALIDATION_FAILED',
  'PROCESS_NOT_FOUND',
  'CASE_NOT_FOUND',
  'CASE_CLOSED',
  'EVENT_NOT_EXPECTED',
  'CASE_NOT_WAITING',
  'INVALID_PAYLOAD',
]);

/**
 * An ApiError as a Temporal failure: its code as the type, the ZGW status in the details; a ZGW
 * refusal, a missing link or data the process refuses are not retried, an unreachable API is.
 */
async function asActivity<T>(run: (chosen: { mappingId?: string }) => Promise<T>): Promise<T> {
  // The mapping chosen before the failure, so the log names the one that failed.
  const chosen: { mappingId?: string } = {};
  try {
    return await run(chosen);
  } catch (err) {
    if (err instanceof ApiError) {
      const details = (err.details ?? {}) as { status?: number };
      const status = typeof details.status === 'number' ? { status: details.status } : {};
      const mapping = chosen.mappingId ? { mappingId: chosen.mappingId } : {};
      throw ApplicationFailure.create({
        type: err.code,
        message: err.message,
        nonRetryable: err instanceof ZgwError ? !err.retryable : PERMANENT.has(err.code),
        details: [Object.keys(status).length + Object.keys(mapping).length > 0 ? { ...status, ...mapping } : null],
      });
    }
    throw err;
  }
}

export function createZgwNotificationActivities(deps: NotificatieActivityDeps): ZgwNotificationActivities {
  const d = deps.notificaties;
  return {
    readNotificationZaak: (req) =>
      asActivity(async () => {
        const zgw = await d.zgwClientFor(req.tenant);
        const zaak = await zgw.getZaak(req.hoofdObject);
        const eigenschappen = await zgw.getZaakeigenschappen(req.hoofdObject);
        // A status notification is about that status; otherwise the zaak's current one.
        const statusUrl =
          req.resource === 'status' ? req.resourceUrl : typeof zaak.status === 'string' ? zaak.status : null;
        const status = statusUrl ? await zgw.getStatus(statusUrl) : null;
        const rollen = await zgw.getRollen(req.hoofdObject);
        return projectSnapshot({ zaak, eigenschappen, status, rollen }, req.sources);
      }),

    applyNotificationMapping: (req) =>
      asActivity(async (failing): Promise<ZgwNotificationOutcome> => {
        const chosen = req.candidates.find((c) => conditionsHold(req.snapshot, c.action));
        if (chosen) failing.mappingId = chosen.mappingId;
        if (!chosen)
          return {
            result: 'ignored',
            mappingId: req.candidates[0]?.mappingId ?? null,
            caseId: null,
            ignoreReason: 'conditions',
          };
        const { action, mappingId } = chosen;
        const caseRef = caseRefFor(req.hoofdObject, action.caseRefPrefix ?? 'zgw-');
        const cases = d.cases();
        if (action.kind === 'start-case') {
          const started = await cases.start(
            req.tenant,
            action.processId,
            caseRef,
            mapZaakFields(req.snapshot, action.data),
          );
          return { result: started.created ? 'case-started' : 'case-exists', mappingId, caseId: started.caseId };
        }
        const caseId = d.caseIdOf(req.tenant, action.processId, caseRef);
        try {
          // The notification's key as update id: a retried attempt is answered with the first result.
          await cases.sendEvent(
            req.tenant,
            caseId,
            { name: action.eventName, payload: mapZaakFields(req.snapshot, action.payload) },
            { updateId: `notificatie-${req.key}` },
          );
        } catch (err) {
          if (err instanceof ApiError && err.code === 'CASE_NOT_FOUND' && action.ignoreMissingCase)
            return { result: 'ignored', mappingId, caseId: null, ignoreReason: 'missing-case' };
          throw err;
        }
        return { result: 'event-sent', mappingId, caseId };
      }),

    recordNotificationOutcome: async ({ tenant, key, outcome }) => {
      await d.recordOutcome(tenant, key, {
        result: outcome.result,
        mappingId: outcome.mappingId,
        caseId: outcome.caseId,
        ignoreReason: outcome.ignoreReason ?? null,
        errorCode: outcome.errorCode ?? null,
        httpStatus: outcome.httpStatus ?? null,
      });
    },
  };
}
