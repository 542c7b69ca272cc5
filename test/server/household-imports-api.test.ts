import request from 'supertest';
import { eventually, startProduct, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';

const PATH = '/api/v1/processes/overgang-oekraine/imports';

describe('household import (GOO list) against a real Temporal dev server', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  const importCsv = (csv: unknown) => request(product.app).post(PATH).set(product.auth).send({ csv });
  const casesOf = async (refs: string[]) => {
    const res = await request(product.app).get('/api/v1/cases?processId=overgang-oekraine&limit=200').set(product.auth);
    return (res.body.cases as Array<{ caseRef: string; caseId: string }>).filter((c) => refs.includes(c.caseRef));
  };

  it('an invalid list: 422 INVALID_IMPORT with every error by line and column, and nothing started', async () => {
    const good = uniqueId('HH');
    const res = await importCsv(
      `referentie;cohort;huishoudgrootte\n${good};cohort-1;3\n${uniqueId('HH')};cohort-1;nul\n`,
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INVALID_IMPORT', path: '/body/csv' });
    expect(res.body.error.message).toMatch(/niets gestart.*regel 3, kolom huishoudgrootte/);
    expect(res.body.error.details.errors).toEqual([
      {
        line: 3,
        column: 'huishoudgrootte',
        message: { nl: '"huishoudgrootte" is geen geheel getal.', en: expect.any(String) },
      },
    ]);
    // The valid line was not started either.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await casesOf([good])).toEqual([]);
  });

  it('starts one case per household, and the same list again starts nothing twice', async () => {
    const refs = [uniqueId('HH'), uniqueId('HH')];
    const csv = `referentie;cohort;huishoudgrootte;medische_urgentie\n${refs[0]};cohort-1;3;nee\n${refs[1]};cohort-2;1;ja\n`;
    const first = await importCsv(csv);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ households: 2, started: 2, existing: 0 });
    const ids = (first.body.cases as Array<{ caseId: string; line: number }>).map((c) => c.caseId);
    expect(first.body.cases.map((c: { line: number }) => c.line)).toEqual([2, 3]);
    // The case id is a keyed hash: the household reference is not in it (nor in the URL of the case).
    for (const [i, id] of ids.entries()) expect(id).not.toContain(refs[i]);

    const again = await importCsv(csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ households: 2, started: 0, existing: 2 });
    expect(again.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual(ids);

    // The normal start with the same reference finds the same case.
    const single = await request(product.app)
      .post('/api/v1/processes/overgang-oekraine/cases')
      .set(product.auth)
      .send({ caseRef: refs[0], data: { municipality: 'GM0363', cohort: 'cohort-1', householdSize: 3 } });
    expect(single.status).toBe(200);
    expect(single.body).toEqual({ caseId: ids[0], created: false });

    const listed = await eventually(async () => {
      const mine = await casesOf(refs);
      return mine.length === 2 && mine;
    });
    expect(listed.map((c) => c.caseId).sort()).toEqual([...ids].sort());
    const state = await request(product.app).get(`/api/v1/cases/${ids[0]}`).set(product.auth);
    expect(state.body).toMatchObject({
      processId: 'overgang-oekraine',
      data: expect.objectContaining({ cohort: 'cohort-1' }),
    });
  });

  it('a body without csv, or too long, is refused with its code and path, never 500', async () => {
    const missing = await request(product.app).post(PATH).set(product.auth).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const long = await importCsv(`referentie;cohort;huishoudgrootte\n${'x'.repeat(250_001)}`);
    expect([400, 413]).toContain(long.status);
    expect(['VALIDATION_FAILED', 'BODY_TOO_LARGE']).toContain(long.body.error.code);
  });
});
