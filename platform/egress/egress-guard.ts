import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { classifyAddress, type AddressClass } from './ip-ranges';
import { systemResolve, type Resolve, type ResolvedAddress } from './resolve';

/** Why a destination is refused, in words for the administrator (Dutch first). */
export class EgressRefused extends Error {
  readonly code = 'DESTINATION_REFUSED';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EgressRefused';
  }
}

/** The host name did not resolve: not a refusal (it may resolve later), but no request either. */
export class EgressUnresolved extends Error {
  readonly code = 'DELIVERY_FAILED';
  constructor(
    readonly hostname: string,
    readonly detail: unknown,
  ) {
    super(`egress: ${hostname} did not resolve`);
    this.name = 'EgressUnresolved';
  }
}

export interface EgressOptions {
  /** DOORSTROOM_EGRESS_ALLOW_LOOPBACK: development and tests may reach this machine (localhost, 127.0.0.1, [::1]). */
  allowLoopback: boolean;
  /** DOORSTROOM_WEBHOOK_ALLOW_HTTP: plain http to hosts the address rules allow (a municipal network). */
  allowHttp: boolean;
  resolve?: Resolve;
  /** The municipality's named internal hosts, which may resolve to private addresses. */
  internalHosts?: (tenant: string) => Promise<string[]>;
  /** The network's own answer (refused, TLS) is logged here, never shown to the tenant. */
  log?: { warn: (obj: object, msg: string) => void };
  /** Names that count as this machine under allowLoopback (default localhost, 127.0.0.1, ::1). */
  loopbackNames?: string[];
}

export interface Destination {
  url: URL;
  hostname: string;
  /** The checked address the connection goes to: the name is not resolved again (DNS rebinding). */
  pinned: ResolvedAddress;
}

export type EgressResult =
  | { answered: true; status: number }
  | {
      answered: false;
      status: number | null;
      code: 'DESTINATION_REFUSED' | 'REDIRECT_REFUSED' | 'DELIVERY_FAILED';
      message: string;
    };

export interface EgressPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

const truthy = (v: string | undefined) => v === 'true' || v === '1';

export function egressOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<EgressOptions, 'allowLoopback' | 'allowHttp'> {
  return {
    allowLoopback: truthy(env.DOORSTROOM_EGRESS_ALLOW_LOOPBACK),
    allowHttp: truthy(env.DOORSTROOM_WEBHOOK_ALLOW_HTTP),
  };
}

const CLASS_WORDS: Record<Exclude<AddressClass, 'public'>, string> = {
  private: 'een intern netwerkadres (private address); alleen een door de beheerder genoemde interne host mag dat',
  loopback: 'deze server zelf (loopback)',
  'link-local': 'een link-local adres, waaronder cloud-metadata (link-local address)',
  unspecified: 'een onbepaald adres (unspecified address)',
  multicast: 'een multicastadres (multicast address)',
  reserved: 'een gereserveerd adres (reserved address)',
  invalid: 'geen geldig adres (invalid address)',
};

/** Host names compared as the URL parser gives them: lower case, no brackets, no trailing dot. */
export function normalHost(hostname: string): string {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/**
 * The one way out: every outbound HTTP request (webhooks, digests, later ZGW calls) is checked
 * here. It resolves the name, refuses any address that is not public (unless an allowance
 * covers it), connects to the address it checked, and never follows a redirect.
 */
export function createEgressGuard(opts: EgressOptions) {
  const resolve = opts.resolve ?? systemResolve;
  const loopbackNames = new Set((opts.loopbackNames ?? ['localhost', '127.0.0.1', '::1']).map(normalHost));

  async function check(rawUrl: string, tenant: string): Promise<Destination> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new EgressRefused('Geen absolute URL (not an absolute URL).');
    }
    if (url.username || url.password)
      throw new EgressRefused(
        'Geen gebruikersnaam of wachtwoord in de URL; de handtekening bewijst de afzender (no credentials in the URL).',
      );
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EgressRefused('Alleen https (only https).');
    const hostname = normalHost(url.hostname);
    const loopbackName = opts.allowLoopback && loopbackNames.has(hostname);
    if (url.protocol === 'http:' && !loopbackName && !opts.allowHttp) {
      throw new EgressRefused(
        'Alleen https; gewoon http alleen naar deze server bij ontwikkelen, of met DOORSTROOM_WEBHOOK_ALLOW_HTTP=true (must be https).',
      );
    }
    const internal =
      !net.isIP(hostname) && ((await opts.internalHosts?.(tenant)) ?? []).map(normalHost).includes(hostname);
    let addresses: ResolvedAddress[];
    if (net.isIP(hostname)) addresses = [{ address: hostname, family: net.isIP(hostname) as 4 | 6 }];
    else if (hostname === 'localhost' || hostname.endsWith('.localhost'))
      addresses = [{ address: '127.0.0.1', family: 4 }];
    else {
      try {
        addresses = await resolve(hostname);
      } catch (err) {
        throw new EgressUnresolved(hostname, err);
      }
      if (!addresses.length) throw new EgressUnresolved(hostname, new Error('no address'));
    }
    for (const a of addresses) {
      const cls = classifyAddress(a.address);
      const allowed = cls === 'public' || (cls === 'private' && internal) || (cls === 'loopback' && loopbackName);
      // One refused address refuses the name: a resolver may answer in any order.
      if (!allowed) throw new EgressRefused(`${url.hostname} verwijst naar ${CLASS_WORDS[cls]}.`);
    }
    return { url, hostname, pinned: addresses[0]! };
  }

  function send(dest: Destination, req: EgressPost): Promise<{ status: number }> {
    const { url, pinned } = dest;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolvePromise, reject) => {
      const request = lib.request(
        {
          method: 'POST',
          protocol: url.protocol,
          hostname: dest.hostname,
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          headers: { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
          // A fresh connection to the checked address; the Host header and TLS name stay the URL's.
          agent: false,
          servername: net.isIP(dest.hostname) ? undefined : dest.hostname,
          lookup: ((_h: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
            o?.all ? cb(null, [pinned]) : cb(null, pinned.address, pinned.family)) as never,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolvePromise({ status: res.statusCode ?? 0 }));
          res.on('error', reject);
        },
      );
      request.setTimeout(req.timeoutMs, () =>
        request.destroy(Object.assign(new Error(`no answer within ${req.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      request.on('error', reject);
      request.end(req.body);
    });
  }

  return {
    check,

    /** One POST through the guard; the outcome never carries the network's own answer. */
    async post(rawUrl: string, tenant: string, req: EgressPost): Promise<EgressResult> {
      let dest: Destination;
      try {
        dest = await check(rawUrl, tenant);
      } catch (err) {
        if (err instanceof EgressRefused)
          return {
            answered: false,
            status: null,
            code: 'DESTINATION_REFUSED',
            message: `DESTINATION_REFUSED: ${err.reason}`,
          };
        opts.log?.warn(
          { tenant, host: (err as EgressUnresolved).hostname, err: String((err as EgressUnresolved).detail ?? err) },
          'egress: host did not resolve',
        );
        return { answered: false, status: null, code: 'DELIVERY_FAILED', message: DELIVERY_FAILED };
      }
      try {
        const { status } = await send(dest, req);
        if (status >= 300 && status < 400) {
          return {
            answered: false,
            status,
            code: 'REDIRECT_REFUSED',
            message:
              'REDIRECT_REFUSED: de ontvanger stuurt door; doorsturen wordt niet gevolgd (redirects are not followed).',
          };
        }
        return { answered: true, status };
      } catch (err) {
        const e = err as { code?: string; message?: string };
        opts.log?.warn(
          { tenant, host: dest.hostname, ip: dest.pinned.address, code: e.code, err: e.message },
          'egress: request failed',
        );
        return { answered: false, status: null, code: 'DELIVERY_FAILED', message: DELIVERY_FAILED };
      }
    },
  };
}

const DELIVERY_FAILED =
  'DELIVERY_FAILED: de ontvanger was niet bereikbaar of antwoordde niet op tijd (receiver not reachable or no answer in time).';

export type EgressGuard = ReturnType<typeof createEgressGuard>;
