import request from 'supertest';
import { startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { uniqueId } from '../../support/factories';
import { daysAgo } from '../../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

const PROCESS = 'nareiziger-hotelverblijf';
const data = (registrationDate: string) => ({ municipality: TEST_TENANT, householdSize: 2, registrationDate });

/** Dates enter through case data and event payloads: outside 1900–2100 a coded 4xx, never a 500 or a failed workflow task. */
describe('dates within 1900–2100 (real Temporal)', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => product?.stop(), 30_000);

  const start = (registrationDate: string) =>
    request(product.app)
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(product.auth)
      .send({ caseRef: uniqueId('DATUM'), data: data(registrationDate) });

  it.each(['9999-12-31', '0000-01-01', '1899-12-31', '2101-01-01'])(
    'case data registrationDate %s answers 400 INVALID_CASE_DATA in Dutch',
    async (date) => {
      const res = await start(date);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'INVALID_CASE_DATA',
        path: '/body/data/registrationDate',
        message: expect.stringContaining('moet een geldige datum tussen 1900 en 2100 zijn'),
      });
    },
  );

  it.each(['9999-12-31', '0000-01-01'])(
    'event payload placementDate %s answers 422 INVALID_PAYLOAD and the case goes on',
    async (date) => {
      const started = await start('2026-11-02');
      expect(started.status).toBe(201);
      const events = `/api/v1/cases/${started.body.caseId}/events`;
      const bad = await request(product.app)
        .post(events)
        .set(product.auth)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: date, hotelMunicipality: 'GM0344' } });
      expect(bad.status).toBe(422);
      expect(bad.body.error).toMatchObject({ code: 'INVALID_PAYLOAD', path: expect.stringMatching(/placementDate$/) });
      const good = await request(product.app)
        .post(events)
        .set(product.auth)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } });
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ accepted: true, status: 'running' });
    },
  );

  it('accepts the edges 1900-01-01 and 2100-12-31', async () => {
    expect((await start('1900-01-01')).status).toBe(201);
    expect((await start('2100-12-31')).status).toBe(201);
  });
});
