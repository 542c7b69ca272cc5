import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import request from 'supertest';
import { ErrorBody } from '../../contract/error-codes';
import { OPERATIONS } from '../../server/openapi/build-document';
import { eventually, startProduct, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';
import { daysAgo } from '../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

const PROCESS = 'nareiziger-hotelverblijf';
const caseData = { municipality: 'GM0363', householdSize: 4, registrationDate: '2026-11-02' };
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

/** The answer matches what the contract documents for this operation and status (or the error body). */
function expectDocumented(operationId: string, res: { status: number; body: unknown }): void {
  const op = OPERATIONS.find((o) => o.operationId === operationId);
  const schema: TSchema | undefined = res.status >= 400 ? ErrorBody : op?.responses[res.status]?.schema;
  expect({ operationId, status: res.status, documented: schema !== undefined }).toEqual({
    operationId,
    status: res.status,
    documented: true,
  });
  const validate = ajv.compile(schema as TSchema);
  const valid = validate(res.body);
  expect({ operationId, errors: valid ? [] : validate.errors }).toEqual({ operationId, errors: [] });
}

describe('the case API answers what the contract documents (real Temporal dev server)', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => product?.stop(), 30_000);

  it('start, read, event, list, cancel and a refusal', async () => {
    const app = () => request(product.app);
    const started = await app()
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(product.auth)
      .send({ caseRef: uniqueId('ZAAK'), data: caseData });
    expectDocumented('startCase', started);
    const { caseId } = started.body as { caseId: string };

    expectDocumented('getCase', await app().get(`/api/v1/cases/${caseId}`).set(product.auth));
    const event = await app()
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } });
    expectDocumented('sendEvent', event);
    expectDocumented('getCase', await app().get(`/api/v1/cases/${caseId}`).set(product.auth));

    const list = await eventually(async () => {
      const res = await app().get('/api/v1/cases?limit=200').set(product.auth);
      return (res.body as { cases?: Array<{ caseId: string }> }).cases?.some((c) => c.caseId === caseId) && res;
    });
    expectDocumented('listCases', list);

    const cancelled = await app().post(`/api/v1/cases/${caseId}/cancel`).set(product.auth).send({ reason: 'test' });
    expectDocumented('cancelCase', cancelled);
    await eventually(async () => {
      const res = await app().get(`/api/v1/cases/${caseId}`).set(product.auth);
      return (res.body as { status?: string }).status === 'cancelled' && res;
    });
    expectDocumented('getCase', await app().get(`/api/v1/cases/${caseId}`).set(product.auth));

    const refused = await app()
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'woning-gevonden', payload: {} });
    expect(refused.status).toBe(409);
    expectDocumented('sendEvent', refused);
  }, 120_000);
});
