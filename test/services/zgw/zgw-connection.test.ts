import { randomBytes } from 'node:crypto';
import { keyRing } from '../../../platform/codec/codec-keys';
import { secretBox } from '../../../platform/codec/secret-box';
import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { ApiError } from '../../../platform/errors';
import { createZgwConnections } from '../../../services/zgw/zgw-connection';
import { saveZgwSettings } from '../../../services/zgw/zgw-settings';
import { createTestStore, describeEachDialect, type TestStore } from '../../support/postgres';

const OZ = 'https://openzaak.gemeente.nl';
const settings = (enabled = true, clientSecret: string | undefined = 'geheim-0363') => ({
  zakenUrl: `${OZ}/zaken/api/v1`,
  catalogiUrl: `${OZ}/catalogi/api/v1`,
  besluitenUrl: `${OZ}/besluiten/api/v1`,
  documentenUrl: `${OZ}/documenten/api/v1`,
  clientId: 'doorstroom-gm0363',
  ...(clientSecret === undefined ? {} : { clientSecret }),
  bronorganisatie: '002220647',
  enabled,
  processLinks: [],
});

describeEachDialect('zgwClientFor: the ZGW client of a municipality from its settings', (dialect) => {
  let t: TestStore;
  const box = secretBox(keyRing([{ id: 'k1', key: randomBytes(32) }]));
  const guard = createEgressGuard({ allowLoopback: false, allowHttp: false });
  const system = { kind: 'system' as const, id: 'test' };

  beforeAll(async () => {
    t = await createTestStore(dialect);
    for (const id of ['GM0363', 'GM0344', 'GM0599'])
      await t.store.db
        .insertInto('tenants')
        .values({ id, name: `Gemeente ${id}`, created_at: new Date().toISOString() })
        .execute();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('signs with the opened secret and asks only the configured bases', async () => {
    await saveZgwSettings({ store: t.store, box }, 'GM0363', settings(), system, undefined, new Date().toISOString());
    const seen: Array<{ url: string; auth: string }> = [];
    const { zgwClientFor } = createZgwConnections({
      db: t.store.db,
      box,
      egress: guard,
      fetch: () => async (url, init) => {
        seen.push({ url, auth: init.headers.Authorization! });
        return new Response(JSON.stringify({ url }), { status: 200 });
      },
    });
    const client = await zgwClientFor('GM0363');
    expect(client.bases.zaken).toBe(`${OZ}/zaken/api/v1`);
    await client.getZaak(`${OZ}/zaken/api/v1/zaken/d4d8`);
    expect(seen[0]!.url).toBe(`${OZ}/zaken/api/v1/zaken/d4d8`);
    const [, payload] = seen[0]!.auth.replace('Bearer ', '').split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      iss: 'doorstroom-gm0363',
      client_id: 'doorstroom-gm0363',
    });
  });

  it('answers ZGW_NOT_CONFIGURED when the link is absent, switched off, or its secret does not open', async () => {
    await saveZgwSettings(
      { store: t.store, box },
      'GM0344',
      settings(false),
      system,
      undefined,
      new Date().toISOString(),
    );
    const other = secretBox(keyRing([{ id: 'k2', key: randomBytes(32) }]));
    await saveZgwSettings(
      { store: t.store, box: other },
      'GM0599',
      settings(),
      system,
      undefined,
      new Date().toISOString(),
    );
    const { zgwClientFor } = createZgwConnections({ db: t.store.db, box, egress: guard });
    for (const tenant of ['GM0001', 'GM0344', 'GM0599']) {
      const err = await zgwClientFor(tenant).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('ZGW_NOT_CONFIGURED');
    }
  });
});
