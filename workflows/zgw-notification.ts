import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import {
  DEFAULT_NOTIFICATION_RETRY,
  type ZgwNotificationActivities,
  type ZgwNotificationInput,
  type ZgwNotificationOutcome,
} from './zgw-notification-input';

/** The sources the candidates read: only these are kept of the zaak. */
function sourcesOf(input: ZgwNotificationInput): string[] {
  const sources = new Set<string>();
  for (const { action } of input.candidates) {
    const fields = (action.kind === 'start-case' ? action.data : action.payload) ?? {};
    for (const source of Object.values(fields))
      if ('from' in source && /^(zaak\.|status\.|eigenschap:)/.test(source.from)) sources.add(source.from);
    for (const key of Object.keys(action.when ?? {})) sources.add(key);
  }
  return [...sources].sort();
}

/** The failure's code and the ZGW API's HTTP status, from an activity that gave up. */
function failureOf(
  err: ActivityFailure,
): Pick<ZgwNotificationOutcome, 'errorCode' | 'httpStatus'> & { mappingId?: string } {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure) {
    const detail = cause.details?.[0] as { status?: unknown; mappingId?: unknown } | null | undefined;
    return {
      errorCode: cause.type ?? 'FAILED',
      ...(typeof detail?.status === 'number' ? { httpStatus: detail.status } : {}),
      // The mapping whose conditions held and whose action failed (the activity says which).
      ...(typeof detail?.mappingId === 'string' ? { mappingId: detail.mappingId } : {}),
    };
  }
  return { errorCode: 'FAILED' };
}

/**
 * One ZGW notification whose mapping reads the zaak (issue 19): the callback has answered 202
 * already. Reads the zaak behind it (zaak, zaakeigenschappen, current status, rollen) and applies
 * the first matching mapping whose conditions hold — a case start, or an event with the
 * notification's key as idempotency key — each an activity with retries. An unreachable API is
 * tried again; a refusal (404, 401/403), data a process does not accept, or spent retries end it
 * as failed with the code. Every way out is recorded in the notification log.
 * The workflow id is `zgw-notificatie-<tenant>-<hash>`: the same notification is one workflow.
 */
export async function zgwNotification(input: ZgwNotificationInput): Promise<ZgwNotificationOutcome> {
  const r = input.retry ?? DEFAULT_NOTIFICATION_RETRY;
  const acts = proxyActivities<ZgwNotificationActivities>({
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: r.initialIntervalMs,
      backoffCoefficient: r.backoffCoefficient,
      maximumInterval: r.maximumIntervalMs,
      maximumAttempts: r.maximumAttempts,
    },
  });
  // No attempt limit: the log must end up saying what happened once the store answers again.
  const { recordNotificationOutcome } = proxyActivities<ZgwNotificationActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
  });
  const n = input.notification;
  let outcome: ZgwNotificationOutcome;
  try {
    const snapshot = await acts.readNotificationZaak({
      tenant: input.tenant,
      hoofdObject: n.hoofdObject,
      resource: n.resource,
      resourceUrl: n.resourceUrl,
      sources: sourcesOf(input),
    });
    outcome = await acts.applyNotificationMapping({
      tenant: input.tenant,
      key: input.key,
      hoofdObject: n.hoofdObject,
      candidates: input.candidates,
      snapshot,
    });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    outcome = { result: 'failed', mappingId: input.candidates[0]?.mappingId ?? null, caseId: null, ...failureOf(err) };
  }
  await recordNotificationOutcome({ tenant: input.tenant, key: input.key, outcome });
  return outcome;
}
