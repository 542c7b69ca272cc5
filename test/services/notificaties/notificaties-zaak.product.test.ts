import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import type { AuthContext } from '../../../server/auth/context';
import { createMapping } from '../../../services/notificaties/mappings';
import { listNotificatieLog } from '../../../services/notificaties/notificatie-log';
import { saveZgwSettings } from '../../../services/zgw/zgw-settings';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';

jest.setTimeout(180_000);

const admin: AuthContext = {
  tenant: TEST_TENANT,
  actor: { kind: 'user', id: 'admin', name: 'admin' },
  roles: ['admin'],
  permissions: [],
};

interface FakeZgwProcess {
  child: ChildProcess;
  bases: Record<'zaken' | 'catalogi' | 'besluiten' | 'documenten', string>;
  zaakUrl: string;
}

/** The fake Zaken API in a process of its own, over real HTTP (test/support/fake-zgw-main.ts). */
function startFakeZgwProcess(): Promise<FakeZgwProcess> {
  const root = path.join(__dirname, '..', '..', '..');
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'test/support/fake-zgw-main.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, ...(JSON.parse(line) as Omit<FakeZgwProcess, 'child'>) });
    });
    child.on('exit', (code) => reject(new Error(`fake ZGW exited (${code})`)));
  });
}

describe('a ZGW notification read from its zaak, through the whole product (embedded Temporal, fake Zaken API process)', () => {
  let product: RunningProduct;
  let zgw: FakeZgwProcess;
  let nrc: Record<string, string>;

  beforeAll(async () => {
    [product, zgw] = await Promise.all([startProduct(), startFakeZgwProcess()]);
    nrc = await product.apiKey(TEST_TENANT, ['notificaties:receive']);
    // The settings as the administration screen saves them; in the product the key ring of the
    // store and of the screen are the same (DOORSTROOM_CODEC_KEYS).
    await saveZgwSettings(
      { store: product.product.store, box: product.product.store.secrets },
      TEST_TENANT,
      {
        zakenUrl: zgw.bases.zaken,
        catalogiUrl: zgw.bases.catalogi,
        besluitenUrl: zgw.bases.besluiten,
        documentenUrl: zgw.bases.documenten,
        clientId: 'doorstroom-gm0363',
        clientSecret: 'geheim-van-de-gemeente-0363',
        bronorganisatie: '002220647',
        enabled: true,
        processLinks: [],
      },
      { kind: 'system', id: 'test' },
      undefined,
      new Date().toISOString(),
    );
    // The mapping of docs/notificaties.md in its zaak form: kenmerken filter, the zaak gives the data.
    await createMapping({ store: product.product.store, clock: () => new Date() }, admin, {
      name: 'Nareiziger geregistreerd (uit de zaak)',
      kanaal: 'zaken',
      resource: 'zaak',
      actie: 'create',
      kenmerken: { zaaktype: `${zgw.bases.catalogi}/zaaktypen/0119dd4e` },
      action: {
        kind: 'start-case',
        processId: 'nareiziger-hotelverblijf',
        data: {
          municipality: { value: 'GM0363' },
          householdSize: { from: 'eigenschap:huishoudgrootte', as: 'integer' },
          registrationDate: { from: 'zaak.startdatum' },
        },
      },
    });
  });
  afterAll(async () => {
    zgw?.child.kill('SIGTERM');
    await product?.stop();
  });

  it('the notification of the issue answers 202 at once, and the case starts from the zaak behind it', async () => {
    // Exactly as the issue quotes it (a zaak created in Open Zaak), with this test's URLs.
    const body = {
      kanaal: 'zaken',
      hoofdObject: zgw.zaakUrl,
      resource: 'zaak',
      resourceUrl: zgw.zaakUrl,
      actie: 'create',
      aanmaakdatum: '2026-11-29T18:00:00Z',
      kenmerken: {
        bronorganisatie: '002220647',
        zaaktype: `${zgw.bases.catalogi}/zaaktypen/0119dd4e`,
        vertrouwelijkheidaanduiding: 'vertrouwelijk',
      },
    };
    const t0 = performance.now();
    const res = await request(product.app).post('/api/v1/notificaties').set(nrc).send(body);
    const ms = performance.now() - t0;
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      result: 'accepted',
      mappingId: expect.any(String),
      logId: expect.any(String),
      duplicate: false,
    });
    console.log(`POST /notificaties (zaak form) answered 202 in ${ms.toFixed(0)} ms`);

    const entry = await eventually(async () => {
      const page = await listNotificatieLog(product.product.store.db, TEST_TENANT, { limit: 10 });
      const e = page.items.find((i) => i.id === res.body.logId);
      return e && e.result !== 'pending' && e;
    }, 60_000);
    expect(entry).toMatchObject({
      kanaal: 'zaken',
      resource: 'zaak',
      actie: 'create',
      mode: 'zaak',
      result: 'case-started',
      mappingName: 'Nareiziger geregistreerd (uit de zaak)',
      errorCode: null,
    });
    const state = await request(product.app).get(`/api/v1/cases/${entry.caseId}`).set(product.auth);
    expect(state.body).toMatchObject({
      caseRef: 'zgw-d4d8b0c2-2f6e-4c8a-9a51-8f3a6f0b7c11',
      currentStep: 'wacht-op-hotelplaatsing',
      data: { municipality: 'GM0363', householdSize: 4, registrationDate: '2026-11-29' },
    });
    // No URL, kenmerk or zaak data in the log.
    expect(JSON.stringify(entry)).not.toMatch(/https?:\/\/|0119dd4e|002220647|2026-11-29\b/);

    // The Notificaties API delivers again: the same workflow, acknowledged as a duplicate.
    const t1 = performance.now();
    const again = await request(product.app).post('/api/v1/notificaties').set(nrc).send(body);
    console.log(`POST /notificaties again (duplicate) answered 202 in ${(performance.now() - t1).toFixed(0)} ms`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ logId: res.body.logId, duplicate: true });
  });
});
