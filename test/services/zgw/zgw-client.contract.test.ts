import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { egressFetch } from '../../../services/auth/oidc/egress-fetch';
import { createZgwClient, type ZgwFetch } from '../../../services/zgw/zgw-client';
import { ZgwError } from '../../../services/zgw/zgw-error';
import { mapZaakFields } from '../../../services/zgw/zgw-fields';
import { startZgwMock, type ZgwMock } from '../../support/zgw-prism';

jest.setTimeout(180_000);

/**
 * Every request Doorstroom sends to the ZGW APIs, and every answer it reads, against the VNG's
 * own OpenAPI documents (test/fixtures/zgw) served by Prism with --errors: a request that breaks
 * the standard is answered with an error and listed in the `sl-violations` header.
 */
describe('ZGW client against the VNG OpenAPI documents (Prism)', () => {
  let mock: ZgwMock;
  const seen: Array<{ method: string; url: string; status: number; violations: string | null }> = [];

  // The mock listens on this machine: this guard allows loopback by its own option, in this test
  // only; the product's guard takes that allowance from nowhere but its environment.
  const guard = createEgressGuard({ allowLoopback: true, allowHttp: false });
  const recording: ZgwFetch = async (url, init) => {
    const res = await egressFetch(guard, 'GM0363')(url, init);
    seen.push({ method: init.method, url, status: res.status, violations: res.headers.get('sl-violations') });
    return res;
  };
  const client = () =>
    createZgwClient({ bases: mock.bases, clientId: 'doorstroom-gm0363', secret: 'geheim-van-de-gemeente' }, recording);

  beforeAll(async () => {
    mock = await startZgwMock();
  });
  afterAll(async () => {
    await mock?.stop();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  const zaakUrl = () => `${mock.bases.zaken}/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1`;

  it('reads the zaak, its eigenschappen, its status and its rollen within the standard, and maps their fields', async () => {
    const zgw = client();
    const zaak = await zgw.getZaak(zaakUrl());
    const eigenschappen = await zgw.getZaakeigenschappen(zaakUrl());
    const status = await zgw.getStatus(`${mock.bases.zaken}/statussen/5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11`);
    const rollen = await zgw.getRollen(zaakUrl());

    // The documents' example list links to `?page=4`: paging asks the configured base for it again.
    expect(seen.every((s) => s.method === 'GET' && s.status === 200 && s.violations === null)).toBe(true);
    expect(seen.slice(0, 3).map((s) => new URL(s.url).pathname)).toEqual([
      '/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1',
      '/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1/zaakeigenschappen',
      '/statussen/5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11',
    ]);
    const rolPages = seen.slice(3).map((s) => new URL(s.url));
    expect(rolPages[0]!.searchParams.get('zaak')).toBe(zaakUrl());
    expect(rolPages.every((u) => u.origin === mock.bases.zaken && u.pathname === '/rollen')).toBe(true);
    expect(rolPages.length).toBeLessThanOrEqual(10);
    expect(typeof zaak.url).toBe('string');
    expect(Array.isArray(eigenschappen)).toBe(true);
    expect(Array.isArray(rollen)).toBe(true);

    // Prism answers with the documents' examples: dates as the standard formats them.
    const data = mapZaakFields(
      { zaak, eigenschappen, status, rollen },
      {
        registrationDate: { from: 'zaak.startdatum' },
        placementAt: { from: 'status.datumStatusGezet' },
        municipality: { value: 'GM0363' },
      },
    );
    expect(data).toEqual({
      registrationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      placementAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      municipality: 'GM0363',
    });
  });

  it('writes a zaak, a status, a besluit with its PDF as informatieobject linked to zaak and besluit, and a resultaat, within the standard', async () => {
    const zgw = client();
    const catalogi = mock.bases.catalogi;
    const zaak = await zgw.createZaak({
      zaaktype: `${catalogi}/zaaktypen/0119dd4e-7be9-477e-bccf-75023b1453c1`,
      bronorganisatie: '002220647',
      verantwoordelijkeOrganisatie: '002220647',
      startdatum: '2026-11-29',
      omschrijving: 'Nareiziger hotelverblijf',
    });
    const status = await zgw.createStatus({
      zaak: zaak.url,
      statustype: `${catalogi}/statustypen/1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b`,
      datumStatusGezet: '2026-11-29T18:00:00Z',
    });
    const besluit = await zgw.createBesluit({
      besluittype: `${catalogi}/besluittypen/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d`,
      verantwoordelijkeOrganisatie: '002220647',
      datum: '2026-11-30',
      ingangsdatum: '2026-11-30',
      zaak: zaak.url,
    });
    const document = await zgw.createInformatieobject({
      bronorganisatie: '002220647',
      creatiedatum: '2026-11-30',
      titel: 'Besluit huisvestingsvoorrang',
      auteur: 'Doorstroom',
      taal: 'nld',
      informatieobjecttype: `${catalogi}/informatieobjecttypen/3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e`,
      formaat: 'application/pdf',
      bestandsnaam: 'besluit.pdf',
      inhoud: Buffer.from('%PDF-1.7\n%…\n').toString('base64'),
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
    const linkBesluit = await zgw.linkBesluitInformatieobject({ besluit: besluit.url, informatieobject: document.url });
    const linkZaak = await zgw.linkZaakInformatieobject({ zaak: zaak.url, informatieobject: document.url });
    const resultaat = await zgw.createResultaat({
      zaak: zaak.url,
      resultaattype: `${catalogi}/resultaattypen/4c5d6e7f-8a9b-4c0d-9e1f-3a4b5c6d7e8f`,
    });

    expect(seen.map((s) => [s.method, new URL(s.url).pathname, s.status, s.violations])).toEqual([
      ['POST', '/zaken', 201, null],
      ['POST', '/statussen', 201, null],
      ['POST', '/besluiten', 201, null],
      ['POST', '/enkelvoudiginformatieobjecten', 201, null],
      ['POST', '/besluitinformatieobjecten', 201, null],
      ['POST', '/zaakinformatieobjecten', 201, null],
      ['POST', '/resultaten', 201, null],
    ]);
    for (const r of [zaak, status, besluit, document, linkBesluit, linkZaak, resultaat])
      expect(typeof r.url).toBe('string');
  });

  it('is told by the mock when a request breaks the standard: a status without datumStatusGezet is refused, not retried', async () => {
    const zgw = client();
    const err = await zgw
      .createStatus({ zaak: zaakUrl(), statustype: `${mock.bases.catalogi}/statustypen/x` } as never)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZgwError);
    expect(err).toMatchObject({ code: 'ZGW_REFUSED', retryable: false, details: { api: 'zaken', status: 400 } });
    expect(seen[0]!.violations).toContain('datumStatusGezet');
  });

  it('the standard requires the JWT: without it the mock answers 401', async () => {
    const res = await egressFetch(guard, 'GM0363')(zaakUrl(), {
      method: 'GET',
      headers: { Accept: 'application/json', 'Accept-Crs': 'EPSG:4326' },
    });
    expect(res.status).toBe(401);
  });

  it('sends no token to a URL outside the configured bases (a notification pointing elsewhere)', async () => {
    const err = await client()
      .getZaak('https://elders.example/zaken/api/v1/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ZGW_REFUSED', retryable: false });
    expect(seen).toEqual([]);
  });

  it('goes out through the egress guard: without the loopback allowance the mock on this machine is refused', async () => {
    const strict = createEgressGuard({ allowLoopback: false, allowHttp: false });
    const zgw = createZgwClient({ bases: mock.bases, clientId: 'doorstroom-gm0363', secret: 's' }, (url, init) =>
      egressFetch(strict, 'GM0363')(url, init),
    );
    await expect(zgw.getZaak(zaakUrl())).rejects.toMatchObject({ code: 'ZGW_REFUSED', retryable: false });
  });
});
