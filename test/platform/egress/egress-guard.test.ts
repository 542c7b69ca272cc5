import http from 'node:http';
import { createEgressGuard, type EgressOptions } from '../../../platform/egress/egress-guard';
import { dnsServerResolve } from '../../../platform/egress/resolve';
import { ApiError } from '../../../platform/errors';
import { checkWebhookUrl } from '../../../services/webhooks/url-policy';
import { sendWebhook } from '../../../services/webhooks/send-webhook';
import { startDnsStub, type DnsStub } from './support/dns-stub';

/** A receiver on 127.0.0.1 that records requests and answers with `answer`. */
async function receiver(
  answer: (res: http.ServerResponse) => void = (res) => {
    res.statusCode = 204;
    res.end();
  },
) {
  const got: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    got.push(req.headers);
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return { got, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const post = { headers: { 'Content-Type': 'application/json' }, body: '{}', timeoutMs: 2_000 };

/** The tenant's registration error for a URL, or undefined when it may be saved. */
async function registration(url: string, opts: EgressOptions): Promise<string | undefined> {
  try {
    await checkWebhookUrl(url, createEgressGuard(opts), 'GM0363');
    return undefined;
  } catch (err) {
    return err instanceof ApiError ? `${err.status} ${err.code}` : String(err);
  }
}

describe('egress guard', () => {
  let dns: DnsStub;
  let opts: EgressOptions;
  beforeAll(async () => {
    dns = await startDnsStub({
      'localtest.me': ['127.0.0.1'],
      'metadata.test': ['169.254.169.254'],
      'intranet.test': ['10.0.0.5'],
      'mapped.test': ['::ffff:127.0.0.1'],
      'nat64.test': ['64:ff9b::a9fe:a9fe'],
      'ula.test': ['fd00::1'],
      'mixed.test': ['93.184.216.34', '192.168.1.10'],
      'public.test': ['93.184.216.34'],
      'zaaksysteem.gemeente.test': ['10.1.2.3'],
    });
  });
  afterAll(async () => dns.close());
  beforeEach(() => {
    opts = { allowLoopback: false, allowHttp: false, resolve: dnsServerResolve([dns.server]) };
  });

  const NOTATIONS = [
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.5/',
    'https://192.168.1.10/',
    'https://172.16.0.1/',
    'https://100.64.0.1/',
    'https://[fd00::1]/',
    'https://[fe80::1]/',
    'https://0.0.0.0/',
    'https://0/',
    'https://[::]/',
    'https://224.0.0.1/',
    'https://[ff02::1]/',
    'https://255.255.255.255/',
    'https://240.0.0.1/',
    'https://127.0.0.1/',
    'https://2130706433/',
    'https://0x7f000001/',
    'https://127.1/',
    'https://0177.0.0.1/',
    'https://0x7f.1/',
    'https://127.0.0.1./',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[::127.0.0.1]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[64:ff9b::169.254.169.254]/',
    'https://[::ffff:169.254.169.254]/',
    'https://localhost/',
    'https://LOCALHOST./',
    'https://foo.localhost/',
    'http://localhost:7233/',
    'http://127.0.0.1:7233/',
    'https://localtest.me/',
    'https://metadata.test/',
    'https://intranet.test/',
    'https://mapped.test/',
    'https://nat64.test/',
    'https://ula.test/',
    'https://mixed.test/',
  ];

  it.each(NOTATIONS)('refuses %s at registration with 400 WEBHOOK_URL_NOT_ALLOWED', async (url) => {
    expect(await registration(url, opts)).toBe('400 WEBHOOK_URL_NOT_ALLOWED');
  });

  it.each(NOTATIONS)('refuses %s at delivery with DESTINATION_REFUSED and sends nothing', async (url) => {
    const result = await createEgressGuard(opts).post(url, 'GM0363', post);
    expect(result).toMatchObject({ answered: false, code: 'DESTINATION_REFUSED', status: null });
  });

  it('says why in words, Dutch first', async () => {
    await expect(checkWebhookUrl('https://169.254.169.254/', createEgressGuard(opts), 'GM0363')).rejects.toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      path: '/body/url',
      message: expect.stringMatching(/^Deze URL is niet toegestaan: .*link-local.*cloud-metadata/),
    });
  });

  it('accepts a public name, and a name that does not resolve yet (it is checked at every delivery)', async () => {
    expect(await registration('https://public.test/hook', opts)).toBeUndefined();
    expect(await registration('https://nog-niet.test/hook', opts)).toBeUndefined();
  });

  it('refuses plain http except to this machine under the development allowance, or with DOORSTROOM_WEBHOOK_ALLOW_HTTP', async () => {
    expect(await registration('http://public.test/hook', opts)).toBe('400 WEBHOOK_URL_NOT_ALLOWED');
    expect(await registration('http://public.test/hook', { ...opts, allowHttp: true })).toBeUndefined();
    expect(await registration('http://127.0.0.1:8080/hook', { ...opts, allowLoopback: true })).toBeUndefined();
    expect(await registration('http://localhost:8080/hook', { ...opts, allowLoopback: true })).toBeUndefined();
    // The allowance is for this machine's own names; a public name resolving to loopback stays refused.
    expect(await registration('http://localtest.me/hook', { ...opts, allowLoopback: true, allowHttp: true })).toBe(
      '400 WEBHOOK_URL_NOT_ALLOWED',
    );
    expect(await registration('ftp://public.test/x', opts)).toBe('400 WEBHOOK_URL_NOT_ALLOWED');
    expect(await registration('https://user:geheim@public.test/hook', opts)).toBe('400 WEBHOOK_URL_NOT_ALLOWED');
  });

  it("lets a municipality's named internal host reach a private address, never loopback or link-local", async () => {
    const internal = {
      ...opts,
      internalHosts: async (tenant: string) =>
        tenant === 'GM0363' ? ['zaaksysteem.gemeente.test', 'metadata.test'] : [],
    };
    expect(await registration('https://zaaksysteem.gemeente.test/hook', internal)).toBeUndefined();
    expect(await registration('https://metadata.test/hook', internal)).toBe('400 WEBHOOK_URL_NOT_ALLOWED');
    await expect(
      checkWebhookUrl('https://zaaksysteem.gemeente.test/hook', createEgressGuard(internal), 'GM0599'),
    ).rejects.toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED' });
  });

  it('refuses at delivery a name that resolved to a public address at registration and to a private one now (DNS stub)', async () => {
    dns.answers.set('rebind.test', ['93.184.216.34']);
    expect(await registration('https://rebind.test/hook', opts)).toBeUndefined();
    dns.answers.set('rebind.test', ['127.0.0.1']);
    const result = await sendWebhook(
      {
        url: 'https://rebind.test/hook',
        tenant: 'GM0363',
        secret: 's',
        body: '{}',
        eventId: 'e',
        eventType: 'case.started',
        attempt: 1,
        timestamp: 1,
        timeoutMs: 1_000,
      },
      createEgressGuard(opts),
    );
    expect(result).toEqual({
      ok: false,
      statusCode: null,
      error: expect.stringMatching(/^DESTINATION_REFUSED: rebind\.test verwijst naar deze server zelf/),
    });
  });

  it('connects to the address it checked: a second answer of the name is never asked for (DNS rebinding)', async () => {
    const r = await receiver();
    try {
      let lookups = 0;
      // First answer this machine (allowed for this name in the test), any later one a black hole.
      const resolve = async () => [{ address: lookups++ === 0 ? '127.0.0.1' : '203.0.113.9', family: 4 as const }];
      const guard = createEgressGuard({
        ...opts,
        allowHttp: true,
        allowLoopback: true,
        loopbackNames: ['hook.doorstroom.test'],
        resolve,
      });
      const result = await guard.post(`http://hook.doorstroom.test:${r.port}/x`, 'GM0363', post);
      expect(result).toEqual({ answered: true, status: 204 });
      expect(lookups).toBe(1);
      expect(r.got[0]?.host).toBe(`hook.doorstroom.test:${r.port}`);
    } finally {
      await r.close();
    }
  });

  it('does not follow a redirect, not even to an address it would allow', async () => {
    const target = await receiver();
    const redirecting = await receiver((res) => {
      res.statusCode = 302;
      res.setHeader('Location', `http://127.0.0.1:${target.port}/x`);
      res.end();
    });
    const metadata = await receiver((res) => {
      res.statusCode = 307;
      res.setHeader('Location', 'http://169.254.169.254/latest/meta-data/');
      res.end();
    });
    try {
      const guard = createEgressGuard({ ...opts, allowLoopback: true });
      expect(await guard.post(`http://127.0.0.1:${redirecting.port}/hook`, 'GM0363', post)).toMatchObject({
        answered: false,
        status: 302,
        code: 'REDIRECT_REFUSED',
      });
      expect(await guard.post(`http://127.0.0.1:${metadata.port}/hook`, 'GM0363', post)).toMatchObject({
        answered: false,
        status: 307,
        code: 'REDIRECT_REFUSED',
      });
      expect(target.got).toHaveLength(0);
    } finally {
      await Promise.all([target.close(), redirecting.close(), metadata.close()]);
    }
  });

  it("shows the tenant a generic DELIVERY_FAILED, never the network's answer; the detail goes to the server log", async () => {
    const closed = await receiver();
    await closed.close();
    const logged: object[] = [];
    const guard = createEgressGuard({ ...opts, allowLoopback: true, log: { warn: (obj) => void logged.push(obj) } });
    const result = await guard.post(`http://127.0.0.1:${closed.port}/hook`, 'GM0363', post);
    expect(result).toMatchObject({ answered: false, status: null, code: 'DELIVERY_FAILED' });
    expect(JSON.stringify(result)).not.toMatch(/ECONN|connect|127\.0\.0\.1/i);
    expect(logged).toEqual([expect.objectContaining({ code: 'ECONNREFUSED', tenant: 'GM0363' })]);
  });
});
