import express from 'express';
import request from 'supertest';
import type { AuthContext } from '../../../server/auth/context';
import { caseIdFor, loadIdSecret } from '../../../services/cases/case-id';
import { errorHandler } from '../../../server/error-handler';
import { createMapping } from '../../../services/notificaties/mappings';
import { createNotificatiesRouter } from '../../../server/routes/notificaties';
import type { MappingBody } from '../../../contract/notificaties';
import { startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { daysAgo } from '../../support/municipal-date';
import { notificatie, startMapping, ZAAK } from './fixtures';

const admin: AuthContext = {
  tenant: TEST_TENANT,
  actor: { kind: 'user', id: 'admin', name: 'admin' },
  roles: ['admin'],
  permissions: [],
};

describe('notificaties drive real cases (embedded Temporal)', () => {
  let product: RunningProduct;
  let app: express.Express;
  let system: Record<string, string>;
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    product = await startProduct();
    const idSecret = loadIdSecret(product.dataDir);
    app = express();
    app.use(express.json());
    app.use(
      '/api/v1',
      createNotificatiesRouter({
        auth: product.product.storeDeps,
        cases: product.product.cases,
        caseIdOf: (tenant, processId, caseRef) => caseIdFor(idSecret, tenant, processId, caseRef),
        log: { info: (obj) => void logged.push(obj as Record<string, unknown>) },
      }),
    );
    app.use(errorHandler({ error: () => undefined }));
    system = await product.apiKey(TEST_TENANT, ['notificaties:receive']);
    const deps = { store: product.product.store, clock: () => new Date() };
    await createMapping(deps, admin, startMapping() as Omit<MappingBody, 'reason'>);
    await createMapping(deps, admin, {
      name: 'Hotelplaatsing',
      kanaal: 'zaken',
      resource: 'status',
      actie: 'create',
      kenmerken: { statustype: 'hotel' },
      action: {
        kind: 'send-event',
        processId: 'nareiziger-hotelverblijf',
        eventName: 'hotel-geplaatst',
        payload: { placementDate: { from: 'datumStatusGezet' }, hotelMunicipality: { from: 'hotelgemeente' } },
      },
    });
  }, 120_000);
  afterAll(async () => product?.stop(), 30_000);

  const post = (body: object) => request(app).post('/api/v1/notificaties').set(system).send(body);

  it('a zaak notification starts a case; a status notification moves it; an unrelated one is ignored and logged', async () => {
    // A placement a few days back: the COA-paid period runs from it (six months), so the case still waits
    // in the hotel stay when the second notification comes (a fixed past date let that period end first).
    const placed = daysAgo(3);
    const placedAgain = daysAgo(2);
    const uuid = `7b1c2d3e-0000-4000-8000-${Date.now().toString().padStart(12, '0')}`;
    const zaak = ZAAK.replace(/[^/]+$/, uuid);
    const started = await post(notificatie({ hoofdObject: zaak, resourceUrl: zaak }));
    expect(started.status).toBe(200);
    expect(started.body.result).toBe('case-started');
    const { caseId } = started.body as { caseId: string };

    const state = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
    expect(state.body).toMatchObject({
      caseRef: `zgw-${uuid}`,
      currentStep: 'wacht-op-hotelplaatsing',
      data: { municipality: 'GM0363', householdSize: 3 },
    });

    const moved = await post(
      notificatie({
        hoofdObject: zaak,
        resource: 'status',
        resourceUrl: `${zaak}/status/1`,
        kenmerken: { statustype: 'hotel', datumStatusGezet: placed, hotelgemeente: 'GM0344' },
      }),
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ result: 'event-sent', mappingId: expect.any(String), caseId });
    const after = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
    expect(after.body).toMatchObject({
      currentStep: 'coa-betaalde-periode',
      dates: { hotelStart: `${placed}T00:00:00.000Z` },
    });

    // The case no longer waits for a hotel placement: the case service's refusal comes back as is.
    const again = await post(
      notificatie({
        hoofdObject: zaak,
        resource: 'status',
        resourceUrl: `${zaak}/status/2`,
        kenmerken: { statustype: 'hotel', datumStatusGezet: placedAgain, hotelgemeente: 'GM0344' },
      }),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EVENT_NOT_EXPECTED');

    const ignored = await post(notificatie({ kanaal: 'documenten', resource: 'enkelvoudiginformatieobject' }));
    expect(ignored.status).toBe(200);
    expect(ignored.body.result).toBe('ignored');
    expect(logged).toContainEqual(
      expect.objectContaining({ tenant: TEST_TENANT, kanaal: 'documenten', result: 'ignored' }),
    );
  });

  it('case data that fail the process schema come back as 400 with the path', async () => {
    const zaak = ZAAK.replace(/[^/]+$/, '9c0ffee0-0000-4000-8000-000000000001');
    const res = await post(
      notificatie({
        hoofdObject: zaak,
        resourceUrl: zaak,
        kenmerken: { zaaktype: startMapping().kenmerken.zaaktype, gemeente: 'Amsterdam', huishoudgrootte: '3' },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_CASE_DATA', path: '/body/data/municipality' });
  });
});
