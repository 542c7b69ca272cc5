import { createEgressGuard } from '../../../platform/egress/egress-guard';
import { egressFetch } from '../../../services/auth/oidc/egress-fetch';
import { createZgwClient, type ZgwFetch } from '../../../services/zgw/zgw-client';
import { createZgwNotificationActivities } from '../../../worker/activities/zgw-notification';
import { startZgwMock, type ZgwMock } from '../../support/zgw-prism';

jest.setTimeout(180_000);

/**
 * The notification workflow's reading activity against the VNG's own OpenAPI documents
 * (test/fixtures/zgw) served by Prism with --errors: every request it sends is within the
 * standard (no `sl-violations`), and it accepts the standard's answers.
 */
describe('readNotificationZaak against the VNG OpenAPI documents (Prism)', () => {
  let mock: ZgwMock;
  const seen: Array<{ url: string; status: number; violations: string | null }> = [];
  const guard = createEgressGuard({ allowLoopback: true, allowHttp: false });
  const recording: ZgwFetch = async (url, init) => {
    const res = await egressFetch(guard, 'GM0363')(url, init);
    seen.push({ url, status: res.status, violations: res.headers.get('sl-violations') });
    return res;
  };
  const activities = () =>
    createZgwNotificationActivities({
      notificaties: {
        zgwClientFor: async () =>
          createZgwClient(
            { bases: mock.bases, clientId: 'doorstroom-gm0363', secret: 'geheim-van-de-gemeente' },
            recording,
          ),
        cases: () => {
          throw new Error('not in this test');
        },
        caseIdOf: () => 'x',
        recordOutcome: async () => undefined,
      },
    });

  beforeAll(async () => {
    mock = await startZgwMock();
  });
  afterAll(async () => {
    await mock?.stop();
  });

  it('reads zaak, zaakeigenschappen, the notified status and rollen within the standard, keeping only what the mappings read', async () => {
    const zaak = `${mock.bases.zaken}/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1`;
    const status = `${mock.bases.zaken}/statussen/5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11`;
    const snapshot = await activities().readNotificationZaak({
      tenant: 'GM0363',
      hoofdObject: zaak,
      resource: 'status',
      resourceUrl: status,
      sources: ['zaak.startdatum', 'status.datumStatusGezet', 'status.statustype'],
    });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.filter((s) => s.status !== 200 || s.violations !== null)).toEqual([]);
    expect(seen.slice(0, 3).map((s) => new URL(s.url).pathname)).toEqual([
      '/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1',
      '/zaken/d4d41c3a-5ca8-4c24-9bb2-b4f4e4d1e6a1/zaakeigenschappen',
      '/statussen/5a5d5fe1-7a0c-4b42-8d1d-6c3b1c1f3a11',
    ]);
    expect(new URL(seen[3]!.url).pathname).toBe('/rollen');
    // The documents' examples, cut down to what was asked for.
    expect(Object.keys(snapshot.zaak)).toEqual(['startdatum']);
    expect(snapshot.zaak.startdatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(snapshot.status ?? {}).sort()).toEqual(['datumStatusGezet', 'statustype']);
    expect(snapshot.eigenschappen).toEqual([]);
    for (const rol of snapshot.rollen)
      expect(Object.keys(rol).every((k) => k === 'roltype' || k === 'omschrijvingGeneriek')).toBe(true);
  });
});
