import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export interface SendRequest {
  url: string;
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
  error: string | null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<{ status: number }>;

/**
 * One signed POST. Redirects are not followed (a 3xx is a failure): the subscribed URL is the
 * only address a delivery goes to. Only a 2xx counts as delivered.
 */
export async function sendWebhook(req: SendRequest, fetchImpl: FetchLike = fetch): Promise<SendResult> {
  try {
    const res = await fetchImpl(req.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
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
    if (res.status >= 200 && res.status < 300) return { ok: true, statusCode: res.status, error: null };
    return { ok: false, statusCode: res.status, error: `receiver answered HTTP ${res.status}` };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const detail = e.name === 'TimeoutError' ? `no answer within ${req.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message ?? 'request failed');
    return { ok: false, statusCode: null, error: `could not deliver: ${detail}` };
  }
}
