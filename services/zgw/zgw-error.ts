import { ApiError } from '../../platform/errors';

/**
 * A ZGW API call that did not succeed. `retryable`: the API was away or busy (network, 5xx,
 * 429), so an activity tries again; a refusal (4xx) will not change by retrying. The API's own
 * problem body stays out of the message: its `invalidParams` may quote zaak data.
 */
export class ZgwError extends ApiError {
  constructor(
    code: 'ZGW_UNAVAILABLE' | 'ZGW_REFUSED',
    message: string,
    readonly retryable: boolean,
    details?: { api: string; operation: string; status?: number; zgwCode?: string },
  ) {
    super(502, code, message, undefined, details);
    this.name = 'ZgwError';
  }
}
