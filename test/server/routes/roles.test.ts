import type { Response } from 'supertest';
import { describeEachDialect } from '../../support/postgres';
import {
  addTenant,
  createStoreTestApp,
  keyCaller,
  login,
  RULESET,
  userCaller,
  type Caller,
  type StoreTestApp,
} from '../../support/store-app';
import { PERMISSIONS } from '../../../services/auth/roles';
import { randomBytes } from 'node:crypto';
import { keyRing } from '../../../platform/codec/codec-keys';
import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { secretBox } from '../../../platform/codec/secret-box';

type Who = 'admin' | 'designer' | 'approver' | 'supervisor' | 'national-admin' | 'apiKey';
const EVERYONE: Who[] = ['admin', 'designer', 'approver', 'supervisor', 'national-admin', 'apiKey'];
const GM = 'GM0034';
const OTHER = 'GM0995';

describeEachDialect('role matrix', (dialect) => {
  let t: StoreTestApp;
  const as = {} as Record<Who, Caller>;
  let author: Caller;
  let reviewer: Caller;
  let n = 0;

  /** A fresh rule set owned by a separate author, brought to the given state. */
  async function fixture(state: 'draft' | 'in_review' | 'published'): Promise<string> {
    const key = `rs-${++n}`;
    await author.post('/rulesets', { key, name: key, content: RULESET() });
    if (state !== 'draft') await author.post(`/rulesets/${key}/versions/1/submit`, { comment: 'review' });
    if (state === 'published') await reviewer.post(`/rulesets/${key}/versions/1/approve`, {});
    return key;
  }

  const actions: { name: string; allowed: Who[]; run: (c: Caller) => Promise<Response> }[] = [
    {
      name: 'list rule sets',
      allowed: ['admin', 'designer', 'approver', 'supervisor', 'apiKey'],
      run: (c) => c.get('/rulesets'),
    },
    {
      name: 'read a version',
      allowed: ['admin', 'designer', 'approver', 'supervisor', 'apiKey'],
      run: async (c) => c.get(`/rulesets/${await fixture('draft')}/versions/1`),
    },
    {
      name: 'read the peildatum version',
      allowed: ['admin', 'designer', 'approver', 'supervisor', 'apiKey'],
      run: async (c) => c.get(`/rulesets/${await fixture('published')}/effective`),
    },
    {
      name: 'list definitions',
      allowed: ['admin', 'designer', 'approver', 'supervisor', 'apiKey'],
      run: (c) => c.get('/definitions'),
    },
    {
      name: 'create a rule set',
      allowed: ['designer'],
      run: (c) => c.post('/rulesets', { key: `new-${++n}`, name: 'n', content: RULESET() }),
    },
    {
      name: 'create a definition',
      allowed: ['designer'],
      run: (c) => c.post('/definitions', { key: `def-${++n}`, name: 'n', content: { nodes: [] } }),
    },
    {
      name: 'edit a draft',
      allowed: ['designer'],
      run: async (c) => c.put(`/rulesets/${await fixture('draft')}/versions/1`, { content: RULESET(5) }),
    },
    {
      name: 'start a new version',
      allowed: ['designer'],
      run: async (c) => c.post(`/rulesets/${await fixture('published')}/versions`, {}),
    },
    {
      name: 'submit for review',
      allowed: ['designer'],
      run: async (c) => c.post(`/rulesets/${await fixture('draft')}/versions/1/submit`, { comment: 'c' }),
    },
    {
      name: 'approve',
      allowed: ['approver'],
      run: async (c) => c.post(`/rulesets/${await fixture('in_review')}/versions/1/approve`, {}),
    },
    {
      name: 'reject',
      allowed: ['approver'],
      run: async (c) => c.post(`/rulesets/${await fixture('in_review')}/versions/1/reject`, { comment: 'nee' }),
    },
    {
      name: 'retire',
      allowed: ['approver'],
      run: async (c) => c.post(`/rulesets/${await fixture('published')}/versions/1/retire`, { reason: 'weg' }),
    },
    { name: 'list users', allowed: ['admin'], run: (c) => c.get('/users') },
    {
      name: 'create a user',
      allowed: ['admin'],
      run: (c) => c.post('/users', { username: `u${++n}`, roles: ['supervisor'] }),
    },
    { name: 'list API keys', allowed: ['admin'], run: (c) => c.get('/api-keys') },
    {
      name: 'create an API key',
      allowed: ['admin'],
      run: (c) => c.post('/api-keys', { name: `k${++n}`, permissions: ['cases:read'] }),
    },
    {
      name: 'read the audit trail',
      allowed: ['admin', 'designer', 'approver', 'supervisor'],
      run: (c) => c.get('/audit'),
    },
    {
      name: 'export the audit trail',
      allowed: ['admin', 'designer', 'approver', 'supervisor'],
      run: (c) => c.get('/audit/export.csv'),
    },
    {
      name: 'create a municipality',
      allowed: ['national-admin'],
      run: (c) => c.post('/tenants', { id: `GM${String(5000 + ++n)}`, name: 'Nieuw' }),
    },
    { name: 'read the identity-provider settings', allowed: ['admin'], run: (c) => c.get('/identity-provider') },
    { name: 'read the ZGW link settings', allowed: ['admin'], run: (c) => c.get('/zgw-settings') },
    {
      name: 'change the ZGW link settings',
      allowed: ['admin'],
      run: (c) =>
        c.put('/zgw-settings', {
          zakenUrl: 'https://openzaak.example.nl/zaken/api/v1',
          catalogiUrl: 'https://openzaak.example.nl/catalogi/api/v1',
          besluitenUrl: 'https://openzaak.example.nl/besluiten/api/v1',
          documentenUrl: 'https://openzaak.example.nl/documenten/api/v1',
          clientId: 'doorstroom',
          clientSecret: 'geheim-voor-de-test',
          bronorganisatie: '002220647',
          processLinks: [],
          enabled: false,
        }),
    },
    {
      name: 'change the identity-provider settings',
      allowed: ['admin'],
      run: (c) =>
        c.put('/identity-provider', {
          issuer: 'https://login.example.nl',
          clientId: 'doorstroom',
          scopes: ['openid'],
          roleClaim: 'groups',
          roleMap: [],
          enabled: false,
          localLogin: true,
        }),
    },
    {
      name: 'list municipalities with their state',
      allowed: ['national-admin'],
      run: (c) => c.get('/admin/municipalities'),
    },
    { name: 'read the CBS list', allowed: ['national-admin'], run: (c) => c.get('/admin/cbs-municipalities') },
    {
      name: 'enable a municipality',
      allowed: ['national-admin'],
      run: (c) => c.post(`/admin/municipalities/${OTHER}/enable`, {}),
    },
  ];

  beforeAll(async () => {
    t = await createStoreTestApp(dialect);
    t.deps.oidc = {
      box: secretBox(keyRing([{ id: 'k1', key: randomBytes(32) }])),
      egress: createEgressGuard({ allowLoopback: false, allowHttp: false }),
    };
    await addTenant(t, GM, 'Almere');
    await addTenant(t, OTHER, 'Lelystad');
    for (const role of EVERYONE.filter((w): w is Exclude<Who, 'apiKey'> => w !== 'apiKey'))
      as[role] = await userCaller(t, GM, `als-${role}`, [role]);
    as.apiKey = await keyCaller(t, GM, [...PERMISSIONS]);
    author = await userCaller(t, GM, 'auteur', ['designer']);
    reviewer = await userCaller(t, GM, 'beoordelaar', ['approver']);
  });
  afterAll(() => t.dispose());

  const matrix = actions.flatMap((a) => EVERYONE.map((who) => [a.name, who, a.allowed.includes(who)] as const));
  it.each(matrix)('%s as %s → allowed: %s', async (name, who, allowed) => {
    const action = actions.find((a) => a.name === name);
    const res = await action!.run(as[who]);
    if (allowed) expect(res.status).toBeLessThan(300);
    else {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('never lets the author approve their own version, even after being given the approver role', async () => {
    const designer = await userCaller(t, GM, 'tweezijdig', ['designer']);
    await designer.post('/rulesets', { key: 'eigen-werk', name: 'Eigen werk', content: RULESET() });
    await designer.post('/rulesets/eigen-werk/versions/1/submit', { comment: 'klaar' });
    const me = (await designer.get('/auth/me')).body.actor.id as string;
    await as.admin.patch(`/users/${me}`, { roles: ['designer', 'approver'], reason: 'ook fiatteur' });
    // The role change signed them out everywhere; signed in again, they hold both roles.
    expect((await designer.get('/auth/me')).status).toBe(401);
    const designerAgain = await login(t, GM, 'tweezijdig');
    const own = await designerAgain.post('/rulesets/eigen-werk/versions/1/approve', {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('FOUR_EYES');
    expect(
      (await designerAgain.post('/rulesets/eigen-werk/versions/1/reject', { comment: 'zelf' })).body.error.code,
    ).toBe('FOUR_EYES');
    expect((await reviewer.post('/rulesets/eigen-werk/versions/1/approve', {})).body.status).toBe('published');
  });

  it('counts an editor of the draft as an author too', async () => {
    const both = await userCaller(t, GM, 'meeschrijver', ['designer', 'approver']);
    await author.post('/rulesets', { key: 'samen', name: 'Samen', content: RULESET() });
    await both.put('/rulesets/samen/versions/1', { content: RULESET(2) });
    await author.post('/rulesets/samen/versions/1/submit', { comment: 'samen gemaakt' });
    expect((await both.post('/rulesets/samen/versions/1/approve', {})).body.error.code).toBe('FOUR_EYES');
    expect((await reviewer.post('/rulesets/samen/versions/1/approve', {})).status).toBe(200);
  });
});
