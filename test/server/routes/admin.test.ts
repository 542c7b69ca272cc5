import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../../services/webhooks/signature';
import { createSubscription } from '../../../services/webhooks/subscriptions';
import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  caller,
  createStoreTestApp,
  keyCaller,
  login,
  TEST_PASSWORD,
  userCaller,
  type StoreTestApp,
} from '../../support/store-app';

describeEachDialect('administration routes', (dialect) => {
  let t: StoreTestApp;
  let n = 0;
  const tenant = () => `GM8${String(++n).padStart(3, '0')}`;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
  });
  afterAll(() => t.dispose());

  it('gives the national administrator the CBS list and the municipalities with their state', async () => {
    const home = tenant();
    await addTenant(t, home);
    const national = await userCaller(t, home, 'landelijk', ['admin', 'national-admin']);
    const cbs = await national.get('/admin/cbs-municipalities');
    expect(cbs.status).toBe(200);
    expect(cbs.body.items).toContainEqual({
      code: 'GM0363',
      name: 'Amsterdam',
      province: 'Noord-Holland',
      exists: false,
    });
    const list = await national.get('/admin/municipalities');
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: home, disabled: false }));
    const admin = await userCaller(t, home, 'beheerder', ['admin']);
    expect((await admin.get('/admin/cbs-municipalities')).status).toBe(403);
    expect((await admin.get('/admin/municipalities')).status).toBe(403);
  });

  it('disables a municipality: its sessions and API keys stop; enabling lets it sign in again', async () => {
    const home = tenant();
    const other = tenant();
    await addTenant(t, home);
    await addTenant(t, other);
    const national = await userCaller(t, home, 'landelijk', ['admin', 'national-admin']);
    const user = await userCaller(t, other, 'ontwerper', ['designer']);
    const key = await keyCaller(t, other, ['rulesets:read']);
    expect((await user.get('/auth/me')).status).toBe(200);
    const off = await national.post(`/admin/municipalities/${other}/disable`, { reason: 'fusie' });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: other, disabled: true });
    expect((await user.get('/auth/me')).status).toBe(401);
    const byKey = await key.get('/rulesets');
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.code).toBe('MUNICIPALITY_DISABLED');
    const relogin = await caller(t.app).post('/auth/login', {
      tenant: other,
      username: 'ontwerper',
      password: TEST_PASSWORD,
    });
    expect(relogin.status).toBe(403);
    expect(relogin.body.error.code).toBe('MUNICIPALITY_DISABLED');
    expect((await national.post(`/admin/municipalities/${home}/disable`, {})).status).toBe(409);
    expect((await national.post(`/admin/municipalities/${other}/enable`, {})).body.disabled).toBe(false);
    expect((await key.get('/rulesets')).status).toBe(200);
    const audit = await national.get('/audit?action=tenant.');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'tenant.enable',
      'tenant.disable',
      'tenant.create',
    ]);
  });

  it('sends a signed test delivery to a subscription of the own municipality only', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const { subscription, secret } = await createSubscription(
        { store: t.deps.store, clock: t.deps.clock },
        {
          tenant: gm,
          actor: { kind: 'user', id: admin.user.id, name: 'beheerder' },
          roles: ['admin'],
          permissions: [],
        },
        { url, eventTypes: ['case.started'] },
      );
      const res = await admin.post(`/webhooks/subscriptions/${subscription.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, statusCode: 204, error: null });
      expect(received).toHaveLength(1);
      const verified = verifyWebhookSignature({
        secret,
        header: received[0]!.headers['doorstroom-signature'] as string,
        body: received[0]!.body,
        now: Math.floor(t.clock().getTime() / 1000),
      });
      expect(verified.ok).toBe(true);
      const other = tenant();
      await addTenant(t, other);
      const stranger = await userCaller(t, other, 'beheerder', ['admin']);
      expect((await stranger.post(`/webhooks/subscriptions/${subscription.id}/test`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it('lists live sessions (all for an administrator, own for others) and ends one; a role change signs the user out everywhere', async () => {
    const gm = tenant();
    await addTenant(t, gm);
    const admin = await userCaller(t, gm, 'beheerder', ['admin']);
    const anna = await userCaller(t, gm, 'anna', ['designer']);
    const annaAgain = await login(t, gm, 'anna');
    const all = await admin.get('/sessions');
    expect(all.status).toBe(200);
    expect(all.body.items.map((s: { username: string }) => s.username).sort()).toEqual(['anna', 'anna', 'beheerder']);
    const own = await anna.get('/sessions');
    expect(own.body.items).toHaveLength(2);
    expect(JSON.stringify(own.body)).not.toMatch(/csrf/i);
    const theirs = all.body.items.find((s: { username: string }) => s.username === 'beheerder').id;
    expect((await anna.send('delete', `/sessions/${theirs}`)).status).toBe(404);
    const first = own.body.items[0].id;
    expect((await admin.send('delete', `/sessions/${first}`)).status).toBe(204);
    const alive = [(await anna.get('/auth/me')).status, (await annaAgain.get('/auth/me')).status].sort();
    expect(alive).toEqual([200, 401]);
    await admin.patch(`/users/${anna.user.id}`, { roles: ['designer', 'approver'], reason: 'ook fiatteur' });
    expect((await annaAgain.get('/auth/me')).status).toBe(401);
    expect((await anna.get('/auth/me')).status).toBe(401);
    const audit = await admin.get('/audit?action=session.end');
    expect(audit.body.items).toHaveLength(1);
  });
});
