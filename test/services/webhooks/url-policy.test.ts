import { queryAudit } from '../../../services/audit/audit';
import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { listInternalHosts } from '../../../platform/egress/internal-hosts';
import { dnsServerResolve } from '../../../platform/egress/resolve';
import { storeEgressGuard } from '../../../platform/egress/store-guard';
import { addTenant, userCaller } from '../../support/store-app';
import { startDnsStub, type DnsStub } from '../../platform/egress/support/dns-stub';
import { createIntegrationTestApp, type IntegrationTestApp } from './test-app';

const A = 'GM0363';
const B = 'GM0344';
const sub = (url: string) => ({ url, eventTypes: ['case.started'] });

describe('webhook URLs through the egress guard (registration)', () => {
  let dns: DnsStub;
  let t: IntegrationTestApp;
  beforeAll(async () => {
    dns = await startDnsStub({
      'localtest.me': ['127.0.0.1'],
      'zaaksysteem.gemeente.test': ['10.1.2.3'],
      'public.test': ['93.184.216.34'],
    });
  });
  afterAll(async () => dns.close());
  beforeEach(async () => {
    // The store's guard, as production wires it, asking the DNS stub.
    t = await createIntegrationTestApp('sqlite', undefined, (app) =>
      storeEgressGuard(
        app.deps.store.db,
        {},
        { resolve: dnsServerResolve([dns.server]), log: { warn: () => undefined } },
      ),
    );
    await addTenant(t, A);
    await addTenant(t, B);
  });
  afterEach(async () => t.dispose());

  it.each([
    'https://169.254.169.254/',
    'https://2130706433/',
    'https://0x7f000001/',
    'https://127.1/',
    'https://0.0.0.0/',
    'https://[::ffff:127.0.0.1]/',
    'https://[fd00::1]/',
    'https://10.0.0.5/',
    'https://192.168.1.10/',
    'https://localtest.me/',
    'http://127.0.0.1:7233/',
  ])('POST and PATCH of %s answer 400 WEBHOOK_URL_NOT_ALLOWED with the reason', async (url) => {
    const admin = await t.admin(A);
    const res = await admin.post('/webhooks/subscriptions', sub(url));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      path: '/body/url',
      message: expect.stringMatching(/^Deze URL is niet toegestaan: .+verwijst naar|https/),
    });
    const ok = await admin.post('/webhooks/subscriptions', sub('https://public.test/hook'));
    expect(ok.status).toBe(201);
    const patched = await admin.patch(`/webhooks/subscriptions/${ok.body.subscription.id}`, { url });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('WEBHOOK_URL_NOT_ALLOWED');
  });

  it('an administrator names internal hosts (audited, names only, own municipality); those may then reach a private address', async () => {
    const admin = await t.admin(A);
    expect((await admin.post('/webhooks/subscriptions', sub('https://zaaksysteem.gemeente.test/hook'))).status).toBe(
      400,
    );

    const ip = await admin.send('put', '/webhooks/internal-hosts', {
      hosts: ['zaaksysteem.gemeente.test', '10.0.0.5'],
    });
    expect(ip.status).toBe(400);
    expect(ip.body.error).toMatchObject({ code: 'WEBHOOK_URL_NOT_ALLOWED', path: '/body/hosts/1' });
    expect((await admin.send('put', '/webhooks/internal-hosts', { hosts: ['localhost'] })).body.error.code).toBe(
      'WEBHOOK_URL_NOT_ALLOWED',
    );

    const put = await admin.send('put', '/webhooks/internal-hosts', {
      hosts: ['Zaaksysteem.Gemeente.test'],
      reason: 'zaaksysteem in eigen netwerk',
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ hosts: ['zaaksysteem.gemeente.test'] });
    expect((await admin.get('/webhooks/internal-hosts')).body).toEqual({ hosts: ['zaaksysteem.gemeente.test'] });
    expect((await admin.post('/webhooks/subscriptions', sub('https://zaaksysteem.gemeente.test/hook'))).status).toBe(
      201,
    );
    const audit = await queryAudit(t.deps.store.db, A, { action: 'egress.' });
    expect(audit[0]).toMatchObject({
      action: 'egress.internalHosts',
      reason: 'zaaksysteem in eigen netwerk',
      after: 'zaaksysteem.gemeente.test',
    });

    // Another municipality's list is its own.
    expect(await listInternalHosts(t.deps.store.db, B)).toEqual([]);
    expect(
      (await (await t.admin(B)).post('/webhooks/subscriptions', sub('https://zaaksysteem.gemeente.test/hook'))).status,
    ).toBe(400);
  });

  it('only administrators read or change the list', async () => {
    const designer = await userCaller(t, A, 'ontwerper', ['designer']);
    expect(
      (await t.as(designer.headers).send('put', '/webhooks/internal-hosts', { hosts: ['a.gemeente.test'] })).status,
    ).toBe(403);
  });

  it('keeps the guard of its own: createEgressGuard without an allowance refuses this machine', async () => {
    const guard = createEgressGuard({ allowLoopback: false, allowHttp: false });
    await expect(guard.check('http://127.0.0.1:3000/', A)).rejects.toMatchObject({ code: 'DESTINATION_REFUSED' });
  });
});
