import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { insertTenant } from '../../../platform/store/tenants';
import { egressFetch } from '../../../services/auth/oidc/egress-fetch';
import type { ZgwFetch } from '../../../services/zgw/zgw-client';
import { createZgwConnections } from '../../../services/zgw/zgw-connection';
import { saveZgwSettings } from '../../../services/zgw/zgw-settings';
import { createZgwWriteBack } from '../../../services/zgw/zgw-write-back';
import { createTestStore, type TestStore } from '../../support/postgres';
import { startZgwMock, type ZgwMock } from '../../support/zgw-prism';

jest.setTimeout(180_000);

const TENANT = 'GM0363';
const PROCESS = 'nareiziger-hotelverblijf';
const CASE = `${TENANT}-${PROCESS}-0123456789abcdef01234567`;
const FROM_ZAAK = `${TENANT}-${PROCESS}-89abcdef0123456789abcdef`;
const CANCELLED = `${TENANT}-${PROCESS}-fedcba9876543210fedcba98`;
const BESLUIT_ID = '6f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

/**
 * Every request the write-back sends — create zaak, read the zaak a case came from, status,
 * besluit, enkelvoudiginformatieobject with the PDF, both links, resultaat and eindstatus —
 * against the VNG's own OpenAPI documents served by Prism with --errors: a request that breaks
 * the standard is answered with an error and named in the `sl-violations` header. A cancelled
 * case: its resultaat (the resultaattype for a cancelled case, with the fixed toelichting) and
 * eindstatus, the same way.
 */
describe('ZGW write-back against the VNG OpenAPI documents (Prism)', () => {
  let mock: ZgwMock;
  let t: TestStore;
  const seen: Array<{ method: string; path: string; status: number; violations: string | null }> = [];
  const guard = createEgressGuard({ allowLoopback: true, allowHttp: false });
  const recording: ZgwFetch = async (url, init) => {
    const res = await egressFetch(guard, TENANT)(url, init);
    seen.push({
      method: init.method,
      path: new URL(url).pathname,
      status: res.status,
      violations: res.headers.get('sl-violations'),
    });
    return res;
  };

  beforeAll(async () => {
    mock = await startZgwMock();
    t = await createTestStore('sqlite');
    const now = new Date().toISOString();
    await insertTenant(t.store.db, { id: TENANT, name: 'Gemeente' }, now);
    const cat = mock.bases.catalogi;
    await saveZgwSettings(
      { store: t.store, box: t.store.secrets },
      TENANT,
      {
        zakenUrl: mock.bases.zaken,
        catalogiUrl: cat,
        besluitenUrl: mock.bases.besluiten,
        documentenUrl: mock.bases.documenten,
        clientId: 'doorstroom-gm0363',
        clientSecret: 'geheim-van-de-gemeente',
        bronorganisatie: '002220647',
        enabled: true,
        processLinks: [
          {
            processId: PROCESS,
            zaaktype: `${cat}/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1`,
            statustypen: [
              {
                step: 'wacht-op-hotelplaatsing',
                statustype: `${cat}/statustypen/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b`,
              },
            ],
            besluittype: `${cat}/besluittypen/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d`,
            informatieobjecttype: `${cat}/informatieobjecttypen/3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e`,
            resultaattype: `${cat}/resultaattypen/4c5d6e7f-8a9b-4c0d-9e1f-3a4b5c6d7e8f`,
            eindstatustype: `${cat}/statustypen/5d6e7f8a-9b0c-4d1e-8f2a-4b5c6d7e8f9a`,
            cancelledResultaattype: `${cat}/resultaattypen/6e7f8a9b-0c1d-4e2f-9a3b-5c6d7e8f9a0b`,
          },
        ],
      },
      { kind: 'user', id: 'beheerder' },
      undefined,
      now,
    );
  });
  afterAll(async () => {
    await mock?.stop();
    await t?.dispose();
  });

  const writeBack = () =>
    createZgwWriteBack({
      store: t.store,
      clock: () => new Date('2026-11-30T10:00:00Z'),
      clientFor: createZgwConnections({ db: t.store.db, box: t.store.secrets, egress: guard, fetch: () => recording })
        .zgwClientFor,
      caseRefOf: (_tenant, caseId) =>
        Promise.resolve(caseId === FROM_ZAAK ? 'zgw-d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1' : 'dossier-2026-0042'),
      besluitPdf: () =>
        Promise.resolve({ pdf: Buffer.from('%PDF-1.7\n%besluit\n'), decidedAt: '2026-11-30T09:00:00.000Z' }),
    });

  it('sends every write of a case within the standard', async () => {
    const zgw = writeBack();
    const ref = { tenant: TENANT, caseId: CASE, processId: PROCESS };
    const zaak = await zgw.ensureZaak({ ...ref, startedAt: '2026-11-29T18:00:00.000Z' });
    expect('url' in zaak).toBe(true);
    const zaakUrl = 'url' in zaak ? zaak.url : undefined;
    await zgw.setStatus({
      ...ref,
      zaakUrl,
      step: 'wacht-op-hotelplaatsing',
      eventId: 'e1',
      at: '2026-11-29T18:00:01.000Z',
    });
    expect(
      await zgw.setStatus({ ...ref, zaakUrl, step: 'registratie', eventId: 'e0', at: '2026-11-29T18:00:00.000Z' }),
    ).toEqual({
      skipped: 'not-mapped',
    });
    await zgw.registerBesluit({ ...ref, zaakUrl, nodeId: 'tel-huisvesting', besluitId: BESLUIT_ID });
    await zgw.closeZaak({ ...ref, zaakUrl, outcome: 'gehuisvest', at: '2026-12-01T10:00:00.000Z' });

    expect(seen.map((s) => [s.method, s.path, s.status, s.violations])).toEqual([
      ['POST', '/zaken', 201, null],
      ['POST', '/statussen', 201, null],
      ['POST', '/besluiten', 201, null],
      ['POST', '/enkelvoudiginformatieobjecten', 201, null],
      ['POST', '/besluitinformatieobjecten', 201, null],
      ['POST', '/zaakinformatieobjecten', 201, null],
      ['POST', '/resultaten', 201, null],
      ['POST', '/statussen', 201, null],
    ]);

    // Done once: the same writes again send nothing.
    seen.length = 0;
    await zgw.ensureZaak({ ...ref, startedAt: '2026-11-29T18:00:00.000Z' });
    await zgw.registerBesluit({ ...ref, zaakUrl, nodeId: 'tel-huisvesting', besluitId: BESLUIT_ID });
    await zgw.closeZaak({ ...ref, zaakUrl, outcome: 'gehuisvest', at: '2026-12-01T10:00:00.000Z' });
    expect(seen).toEqual([]);
  });

  it('reads the zaak a case came from within the standard instead of creating one', async () => {
    seen.length = 0;
    const res = await writeBack().ensureZaak({
      tenant: TENANT,
      caseId: FROM_ZAAK,
      processId: PROCESS,
      startedAt: '2026-11-29T18:00:00.000Z',
    });
    expect(seen.map((s) => [s.method, s.path, s.status, s.violations])).toEqual([
      ['GET', '/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1', 200, null],
    ]);
    expect('url' in res && typeof res.url).toBe('string');
  });

  it('closes the zaak of a cancelled case within the standard: resultaat with its toelichting, then the eindstatus; once', async () => {
    const zgw = writeBack();
    const ref = { tenant: TENANT, caseId: CANCELLED, processId: PROCESS };
    const zaak = await zgw.ensureZaak({ ...ref, startedAt: '2026-11-29T18:00:00.000Z' });
    const zaakUrl = 'url' in zaak ? zaak.url : undefined;
    seen.length = 0;
    const closed = await zgw.closeZaak({ ...ref, zaakUrl, cancelled: true, at: '2026-11-30T09:30:00.000Z' });
    expect('url' in closed).toBe(true);
    expect(seen.map((s) => [s.method, s.path, s.status, s.violations])).toEqual([
      ['POST', '/resultaten', 201, null],
      ['POST', '/statussen', 201, null],
    ]);
    seen.length = 0;
    await zgw.closeZaak({ ...ref, zaakUrl, cancelled: true, at: '2026-11-30T09:30:00.000Z' });
    expect(seen).toEqual([]);
  });
});
