import type { EgressGuard } from '../../platform/egress/egress-guard';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export interface SendRequest {
  url: string;
  /** Whose delivery: the egress guard applies this municipality's internal hosts. */
  tenant: string;
  secret: string;
  /** The exact JSON text that is signed and sent. */
  body: string;
  eventId: string;
  eventType: string;
  attempt: number;
  /** Unix seconds. */
  timestamp: number;
  timeoutMs: number;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  /** A coded, generic text (DESTINATION_REFUSED, REDIRECT_REFUSED, DELIVERY_FAILED): never the network's own answer. */
  error: string | null;
}

/**
 * One signed POST through the egress guard. Redirects are not followed (a 3xx is a failure):
 * the subscribed URL is the only address a delivery goes to. Only a 2xx counts as delivered.
 */
export async function sendWebhook(req: SendRequest, egress: Pick<EgressGuard, 'post'>): Promise<SendResult> {
  const res = await egress.post(req.url, req.tenant, {
    timeoutMs: req.timeoutMs,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Doorstroom-Webhooks/1',
      [EVENT_ID_HEADER]: req.eventId,
      'Doorstroom-Event-Type': req.eventType,
      'Doorstroom-Delivery-Attempt': String(req.attempt),
      [SIGNATURE_HEADER]: signatureHeader(req.secret, req.timestamp, req.body),
    },
    body: req.body,
  });
  if (!res.answered) return { ok: false, statusCode: res.status, error: res.message };
  if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
  return { ok: false, statusCode: res.status, error: `receiver answered HTTP ${res.status}` };
}
