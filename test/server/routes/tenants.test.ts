import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  createStoreTestApp,
  login,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';
import type { ArtifactSeed } from '../../../services/versions/types';

const SEEDS: ArtifactSeed[] = [
  { type: 'ruleset', key: 'housing-priority', name: 'Voorrang statushouders', content: { rules: [] } },
  { type: 'definition', key: 'hotel-stay', name: 'Nareiziger: hotelverblijf', content: { nodes: [] } },
  { type: 'ruleset', key: 'optional-draft', name: 'Nog te kiezen', content: { rules: [] }, status: 'draft' },
];

describeEachDialect('tenant routes', (dialect) => {
  let t: StoreTestApp;
  let national: Caller;
  beforeAll(async () => {
    t = await createStoreTestApp(dialect, { seeds: () => SEEDS });
    await addTenant(t, 'GM0000', 'Landelijk beheer');
    national = await userCaller(t, 'GM0000', 'landelijk', ['admin', 'national-admin']);
  });
  afterAll(() => t.dispose());

  it('lets a national administrator create a municipality with its first admin and seeded version 1 templates', async () => {
    const res = await national.post('/tenants', {
      id: 'GM0344',
      name: 'Utrecht',
      admin: { username: 'beheer' },
      reason: 'aansluiting',
    });
    expect(res.status).toBe(201);
    expect(res.body.tenant).toMatchObject({ id: 'GM0344', name: 'Utrecht' });
    expect(res.body.admin.user).toMatchObject({ username: 'beheer', roles: ['admin'], mustChangePassword: true });
    const otp = res.body.admin.oneTimePassword as string;
    expect(otp).toMatch(/^[A-Za-z0-9]{20}$/);
    const admin = await login(t, 'GM0344', 'beheer', otp);
    await admin.post('/auth/password', { currentPassword: otp, newPassword: 'een goed lang wachtwoord' });
    const rulesets = await admin.get('/rulesets');
    expect(
      rulesets.body.items.map((a: { key: string; latestVersion: number; effectiveVersion: number | null }) => [
        a.key,
        a.latestVersion,
        a.effectiveVersion,
      ]),
    ).toEqual([
      ['housing-priority', 1, 1],
      ['optional-draft', 1, null],
    ]);
    const hotel = await admin.get('/definitions/hotel-stay/versions/1');
    expect(hotel.body).toMatchObject({ status: 'published', authorId: 'system:seed', content: { nodes: [] } });
    const audit = await admin.get('/audit?action=tenant.create');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ reason: 'aansluiting', actor: { kind: 'user' } });
  });

  it('lists all municipalities for a national administrator, only its own for anyone else', async () => {
    await addTenant(t, 'GM0014', 'Groningen');
    const all = await national.get('/tenants');
    expect(all.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['GM0000', 'GM0014']));
    const local = await userCaller(t, 'GM0014', 'admin', ['admin']);
    expect((await local.get('/tenants')).body.items.map((x: { id: string }) => x.id)).toEqual(['GM0014']);
    expect((await local.get('/tenants/GM0014')).status).toBe(200);
    expect((await local.get('/tenants/GM0000')).status).toBe(404);
    expect((await local.post('/tenants', { id: 'GM0015', name: 'X' })).status).toBe(403);
    expect((await local.patch('/tenants/GM0014', { name: 'X' })).status).toBe(403);
  });

  it('renames a municipality with an audit entry', async () => {
    await addTenant(t, 'GM0153', 'Enschede');
    const res = await national.patch('/tenants/GM0153', { name: 'Gemeente Enschede', reason: 'officiële naam' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Gemeente Enschede');
    expect((await national.patch('/tenants/GM0999', { name: 'Nergens' })).status).toBe(404);
  });

  it('refuses a duplicate or malformed CBS code', async () => {
    const dup = await national.post('/tenants', { id: 'GM0000', name: 'Nog eens' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'TENANT_EXISTS', path: '/body/id' });
    const bad = await national.post('/tenants', { id: "GM0001'; DROP TABLE tenants;--", name: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/id' });
    expect((await national.get('/tenants/gm0363')).status).toBe(400);
  });
});
