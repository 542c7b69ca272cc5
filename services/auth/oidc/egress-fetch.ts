import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { EgressGuard } from '../../../platform/egress/egress-guard';

/** The provider's answers are small JSON documents and keys; more is not an identity provider. */
const MAX_BODY_BYTES = 1024 * 1024;
const TIMEOUT_MS = 10_000;

export interface EgressFetchOptions {
  body?: unknown;
  headers?: Record<string, string>;
  method?: string;
  signal?: AbortSignal;
}

/**
 * A `fetch` for openid-client that goes out through the egress guard like every other outbound
 * call: the provider's address is checked (per municipality, with its named internal hosts), the
 * connection goes to the checked address, and redirects come back as they are (openid-client
 * asks for `redirect: 'manual'`).
 */
export function egressFetch(guard: EgressGuard, tenant: string) {
  return async (url: string, options: EgressFetchOptions = {}): Promise<Response> => {
    const dest = await guard.check(url, tenant);
    const { url: target, pinned } = dest;
    const body =
      options.body === undefined || options.body === null
        ? undefined
        : options.body instanceof URLSearchParams || typeof options.body === 'string'
          ? String(options.body)
          : Buffer.from(options.body as ArrayBuffer);
    const lib = target.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const req = lib.request(
        {
          method: options.method ?? 'GET',
          protocol: target.protocol,
          hostname: dest.hostname,
          port: target.port || undefined,
          path: `${target.pathname}${target.search}`,
          headers: {
            ...options.headers,
            ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
          },
          agent: false,
          servername: net.isIP(dest.hostname) ? undefined : dest.hostname,
          lookup: ((_h: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
            o?.all ? cb(null, [pinned]) : cb(null, pinned.address, pinned.family)) as never,
          signal: options.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) req.destroy(new Error('OIDC: provider answer larger than 1 MB'));
            else chunks.push(c);
          });
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
            const status = res.statusCode ?? 502;
            const noBody = status === 204 || status === 304;
            resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }));
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(TIMEOUT_MS, () =>
        req.destroy(new Error(`OIDC: no answer from the provider within ${TIMEOUT_MS} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
