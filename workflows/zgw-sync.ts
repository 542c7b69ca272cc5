import {
  ActivityFailure,
  condition,
  continueAsNew,
  defineSignal,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ZgwSyncActivities } from './activity-types';
import type { PublishedCaseEvent } from './case-event';
import { ZGW_SYNC_EVENT_SIGNAL, type ZgwSyncInput, type ZgwSyncResult, type ZgwWriteResult } from './zgw-sync-input';

type SyncEvent = PublishedCaseEvent & { id: string };

export const zgwCaseEventSignal = defineSignal<[SyncEvent]>(ZGW_SYNC_EVENT_SIGNAL);

/** A case that publishes nothing for this long has ended without case.completed or case.cancelled (e.g. terminated, or cancelled before it published case.cancelled); a later event starts a new run. */
const IDLE_DAYS = 400;
/**
 * case.cancelled closes the zaak. Syncs that met the event before (handled by an older worker: it
 * did nothing) replay without the activity.
 */
const CANCEL_PATCH = 'doorstroom-zgw-sync-case-cancelled';
/** Event ids remembered across continue-as-new, against a publication signalled twice. */
const SEEN_KEPT = 200;

/**
 * Writes one case back to the municipality's ZGW APIs, event by event in the order the case
 * published them, so the zaak exists before its first status. Every write is an activity with
 * retries that looks up what it created before (services/zgw/zgw-write-back.ts); a write that
 * still fails when its retries are spent is recorded (the case timeline shows it failing, with its
 * code) and the sync goes on with the next event. The case itself never waits for it.
 */
export async function zgwSync(input: ZgwSyncInput): Promise<ZgwSyncResult> {
  const r = input.retry;
  const acts = proxyActivities<ZgwSyncActivities>({
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: r.initialIntervalMs,
      backoffCoefficient: r.backoffCoefficient,
      maximumInterval: r.maximumIntervalMs,
      maximumAttempts: r.maximumAttempts,
      nonRetryableErrorTypes: ['ZGW_REFUSED'],
    },
  });
  const queue: SyncEvent[] = [...(input.pending ?? [])];
  const seen = new Set<string>(input.seen ?? []);
  let zaakUrl = input.zaakUrl;
  let processed = 0;
  let completed = false;
  const failed: ZgwSyncResult['failed'] = [];

  setHandler(zgwCaseEventSignal, (event) => {
    if (seen.has(event.id) || queue.some((q) => q.id === event.id)) return;
    queue.push(event);
  });

  const ref = { tenant: input.tenant, caseId: input.caseId, processId: input.processId };

  async function handle(event: SyncEvent): Promise<ZgwWriteResult | undefined> {
    switch (event.type) {
      case 'case.started': {
        const res = await acts.zgwEnsureZaak({ ...ref, startedAt: event.occurredAt });
        if ('url' in res) zaakUrl = res.url;
        return res;
      }
      case 'case.step-entered':
        if (!event.step) return undefined;
        return acts.zgwSetStatus({ ...ref, zaakUrl, step: event.step, eventId: event.id, at: event.occurredAt });
      case 'besluit.created':
        if (!event.decision?.besluitId) return undefined;
        return acts.zgwRegisterBesluit({
          ...ref,
          zaakUrl,
          nodeId: event.decision.nodeId,
          besluitId: event.decision.besluitId,
        });
      case 'case.completed':
        completed = true;
        return acts.zgwCloseZaak({ ...ref, zaakUrl, outcome: event.outcome, at: event.occurredAt });
      case 'case.cancelled':
        if (!patched(CANCEL_PATCH)) return undefined;
        completed = true;
        return acts.zgwCloseZaak({ ...ref, zaakUrl, cancelled: true, at: event.occurredAt });
      default:
        return undefined;
    }
  }

  for (;;) {
    const arrived = await condition(() => queue.length > 0, `${IDLE_DAYS} days`);
    if (!arrived) break;
    const event = queue.shift()!;
    seen.add(event.id);
    try {
      await handle(event);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      failed.push({ eventId: event.id, error: err.cause?.message ?? err.message });
    }
    processed++;
    if (completed && queue.length === 0) break;
    if (queue.length === 0 && workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof zgwSync>({ ...input, zaakUrl, pending: [], seen: [...seen].slice(-SEEN_KEPT) });
    }
  }
  return { ...(zaakUrl ? { zaakUrl } : {}), processed, failed };
}
