import type { DeadlineDigestResult } from '../../workflows/digest-input';
import type { AlertActivities, DigestAttempt } from '../../workflows/activity-types';

export interface AlertActivityDeps {
  /** One attempt of one digest: collect, build, deliver, log (services/alerts/send-digest.ts). */
  digests: { send(run: DigestAttempt): Promise<DeadlineDigestResult> };
  /** Called once a digest run ends, e.g. to count failures in /metrics. */
  onDigestEnded?: (d: { tenant: string; status: DeadlineDigestResult['status'] }) => void;
}

/** Activities of deadline alerts. */
export function createAlertActivities(deps: AlertActivityDeps): AlertActivities {
  return {
    async sendDeadlineDigest(run) {
      const result = await deps.digests.send(run);
      if (result.status !== 'pending') deps.onDigestEnded?.({ tenant: run.tenant, status: result.status });
      return result;
    },
  };
}
