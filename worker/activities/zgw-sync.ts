import { ApplicationFailure } from '@temporalio/common';
import { ApiError } from '../../platform/errors';
import { ZgwError } from '../../services/zgw/zgw-error';
import type { ZgwWriteBack } from '../../services/zgw/zgw-write-back';
import type { ZgwSyncActivities } from '../../workflows/activity-types';

export interface ZgwSyncActivityDeps {
  /** The writes to the municipality's ZGW APIs (services/zgw/zgw-write-back.ts). */
  zgw: ZgwWriteBack;
}

/**
 * A refusal by the ZGW API (4xx, a URL outside the bases, no zaak) will not change by retrying:
 * the workflow gets it at once, with its code as the failure type. An unreachable API is retried.
 */
async function asActivity<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    // ZGW_NOT_CONFIGURED (no secret, link off) is retried: an administrator may set it right.
    if (err instanceof ApiError)
      throw ApplicationFailure.create({
        type: err.code,
        message: err.message,
        nonRetryable: err instanceof ZgwError && !err.retryable,
        details: [err.details ?? null],
      });
    throw err;
  }
}

export function createZgwSyncActivities(deps: ZgwSyncActivityDeps): ZgwSyncActivities {
  return {
    zgwEnsureZaak: (input) => asActivity(() => deps.zgw.ensureZaak(input)),
    zgwSetStatus: (input) => asActivity(() => deps.zgw.setStatus(input)),
    zgwRegisterBesluit: (input) => asActivity(() => deps.zgw.registerBesluit(input)),
    zgwCloseZaak: (input) => asActivity(() => deps.zgw.closeZaak(input)),
  };
}
