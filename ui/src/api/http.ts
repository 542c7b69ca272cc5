/** One JSON client for the API: the session cookie travels by itself, the CSRF token in a header. */

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const TEMPORAL_UNAVAILABLE_MESSAGE =
  'De procesmotor is tijdelijk niet bereikbaar; probeer het over een minuut opnieuw.';

let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

interface ErrorBody {
  error?: { code?: string; message?: string; path?: string; details?: unknown; issues?: unknown };
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = (parsed as ErrorBody | undefined)?.error;
    // Every screen shows `message`: this one speaks to people, not to integrators.
    const message =
      res.status === 503 && err?.code === 'TEMPORAL_UNAVAILABLE'
        ? TEMPORAL_UNAVAILABLE_MESSAGE
        : (err?.message ?? res.statusText);
    throw new ApiProblem(res.status, err?.code ?? String(res.status), message, err?.path, err?.details ?? err?.issues);
  }
  return parsed as T;
}
