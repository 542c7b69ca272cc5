import { EgressRefused, EgressUnresolved, type EgressGuard } from '../../platform/egress/egress-guard';
import { ApiError } from '../../platform/errors';

/**
 * Whether a webhook or digest URL may be saved: the egress guard's rules (server/egress), so an
 * administrator learns at once, in words, why a URL will never be delivered to. A name that does
 * not resolve yet is accepted: it is resolved and checked again at every delivery.
 */
export async function checkWebhookUrl(
  url: string,
  guard: Pick<EgressGuard, 'check'>,
  tenant: string,
  path = '/body/url',
): Promise<void> {
  try {
    await guard.check(url, tenant);
  } catch (err) {
    if (err instanceof EgressRefused) {
      throw new ApiError(400, 'WEBHOOK_URL_NOT_ALLOWED', `Deze URL is niet toegestaan: ${err.reason}`, path);
    }
    if (err instanceof EgressUnresolved) return;
    throw err;
  }
}
