import request from 'supertest';
import { SA_CASE_REF, SA_PROCESS, SA_STEP, SA_TENANT } from '../../workflows/search-attributes';
import { eventually, startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';
import { daysAgo } from '../support/municipal-date';
import { addDuration } from '../../workflows/dsl/duration';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);
// A tenancy two weeks ahead: after the placement whatever day the test runs.
const TENANCY = daysAgo(-14);
/** The instant `duration` after the placement, as the definition counts its terms (calendar months). */
const afterPlacement = (duration: string): string =>
  addDuration(new Date(`${PLACED}T00:00:00.000Z`), duration).toISOString();

const PROCESS = 'nareiziger-hotelverblijf';
const personal = { name: 'Fatima Voorbeeld', vNumber: '1234567890' };
const caseData = { municipality: TEST_TENANT, householdSize: 4, registrationDate: '2026-11-02', nareiziger: personal };

describe('case API against a real Temporal dev server', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => {
    await product?.stop();
  }, 30_000);

  const startCase = (caseRef: string, data: object = caseData) =>
    request(product.app).post(`/api/v1/processes/${PROCESS}/cases`).set(product.auth).send({ caseRef, data });

  it('starts a case over HTTP, accepts an event and shows the new state', async () => {
    const started = await startCase(uniqueId('ZAAK'));
    expect(started.status).toBe(201);
    expect(started.body.created).toBe(true);
    const { caseId } = started.body as { caseId: string };

    const state = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({
      processId: PROCESS,
      currentStep: 'wacht-op-hotelplaatsing',
      status: 'running',
      caseStatus: 'geregistreerd',
    });

    const event = await request(product.app)
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } });
    expect(event.status).toBe(200);
    expect(event.body).toMatchObject({ accepted: true, currentStep: 'coa-betaalde-periode', status: 'running' });

    const after = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
    expect(after.body.dates.hotelStart).toBe(`${PLACED}T00:00:00.000Z`);
    expect(after.body.deadlines.find((d: { kind: string }) => d.kind === 'timeout').at).toBe(
      afterPlacement('P6M'), // coaPaidPeriod
    );

    const housed = await request(product.app)
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'woning-gevonden', payload: { tenancyStartDate: TENANCY } });
    expect(housed.body).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
    const closed = await request(product.app)
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'woning-gevonden', payload: { tenancyStartDate: TENANCY } });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('CASE_CLOSED');
  });

  it('is idempotent on the caller reference: the same reference twice gives the same case, never two', async () => {
    const ref = uniqueId('ZAAK');
    const first = await startCase(ref);
    const second = await startCase(ref);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ caseId: first.body.caseId, created: false });
    const listed = await eventually(async () => {
      const res = await request(product.app).get('/api/v1/cases').set(product.auth);
      const mine = (res.body.cases as Array<{ caseRef: string }>).filter((c) => c.caseRef === ref);
      expect(res.body).toHaveProperty('nextCursor');
      return mine.length > 0 && mine;
    });
    expect(listed).toHaveLength(1);
  });

  it('honours Idempotency-Key: the same request again answers the same case, another request with the key is refused', async () => {
    const key = uniqueId('sleutel');
    const ref = uniqueId('ZAAK');
    const send = (caseRef: string, k = key) =>
      request(product.app)
        .post(`/api/v1/processes/${PROCESS}/cases`)
        .set(product.auth)
        .set('Idempotency-Key', k)
        .send({ caseRef, data: caseData });
    const first = await send(ref);
    const again = await send(ref);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.caseId).toBe(first.body.caseId);
    const other = await send(uniqueId('ZAAK'));
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', path: '/headers/idempotency-key' });
    const bad = await send(uniqueId('ZAAK'), 'geen spaties toegestaan');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('/headers/idempotency-key');
  });

  it('applies an event sent again with the same Idempotency-Key once, and answers the first result', async () => {
    const { body: started } = await startCase(uniqueId('ZAAK'));
    const key = uniqueId('event');
    const event = { name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } };
    const send = (body: object, k = key) =>
      request(product.app)
        .post(`/api/v1/cases/${started.caseId}/events`)
        .set(product.auth)
        .set('Idempotency-Key', k)
        .send(body);
    const first = await send(event);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: true, currentStep: 'coa-betaalde-periode' });
    // A retry (the answer was lost, or a 503 came after the event was applied): same answer, applied once.
    const retry = await send(event);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const state = await request(product.app).get(`/api/v1/cases/${started.caseId}`).set(product.auth);
    const applied = (state.body.history as Array<{ type: string; event?: string }>).filter(
      (h) => h.type === 'event-accepted' && h.event === 'hotel-geplaatst',
    );
    expect(applied).toHaveLength(1);
    // Without the key the same event is a new request, and the case no longer expects it.
    const unkeyed = await request(product.app)
      .post(`/api/v1/cases/${started.caseId}/events`)
      .set(product.auth)
      .send(event);
    expect(unkeyed.status).toBeGreaterThanOrEqual(400);
    expect(unkeyed.body.error.code).toBe('EVENT_NOT_EXPECTED');
    // The key with another request is refused, and nothing is applied.
    const other = await send({ name: 'woning-gevonden', payload: { tenancyStartDate: TENANCY } });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', path: '/headers/idempotency-key' });
  });

  it('keeps personal data out of the case id and the search attributes', async () => {
    const ref = uniqueId('ZAAK');
    const { body } = await startCase(ref);
    expect(body.caseId).not.toMatch(/Fatima|1234567890/);
    expect(body.caseId).not.toContain(ref);
    const description = await product.runtime.client.workflow.getHandle(body.caseId).describe();
    const attributes = [SA_TENANT, SA_PROCESS, SA_STEP, SA_CASE_REF].map((k) =>
      description.typedSearchAttributes.get(k),
    );
    expect(attributes).toEqual([TEST_TENANT, PROCESS, expect.any(String), ref]);
    expect(JSON.stringify(description.raw.workflowExecutionInfo?.searchAttributes)).toContain('DoorstroomTenant');
    expect(JSON.stringify(description.raw.workflowExecutionInfo?.searchAttributes)).not.toMatch(/Fatima|1234567890/);
  });

  it('stores case data and event payloads as ciphertext in the Temporal history', async () => {
    const { body } = await startCase(uniqueId('ZAAK'));
    await request(product.app)
      .post(`/api/v1/cases/${body.caseId}/events`)
      .set(product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } });
    // The raw service returns payloads as stored: no codec on this path.
    const raw = await product.runtime.client.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: body.caseId },
    });
    const events = raw.history?.events ?? [];
    const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    expect(input.length).toBe(1);
    for (const p of input) expect(Buffer.from(p.metadata?.encoding ?? []).toString()).toBe('binary/encrypted');
    // Every byte array in the history (inputs, update arguments, results) read as text.
    const bytes: Buffer[] = [];
    const walk = (v: unknown): void => {
      if (v instanceof Uint8Array) bytes.push(Buffer.from(v));
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(events);
    const text = Buffer.concat(bytes).toString('latin1');
    expect(text).toContain('binary/encrypted');
    expect(text).not.toMatch(/Fatima|1234567890|GM0344|placementDate|hotel-geplaatst/);
  });

  it('lists with filters and cursor paging, cancels with a reason, and audits every change', async () => {
    const refs = [uniqueId('LIJST'), uniqueId('LIJST'), uniqueId('LIJST')];
    const ids: string[] = [];
    for (const r of refs) ids.push((await startCase(r)).body.caseId);
    const placed = await request(product.app)
      .post(`/api/v1/cases/${ids[0]}/events`)
      .set(product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0363' } });
    expect(placed.status).toBe(200);

    const inHotel = await eventually(async () => {
      const res = await request(product.app)
        .get('/api/v1/cases')
        .query({ step: 'coa-betaalde-periode', processId: PROCESS })
        .set(product.auth);
      const found = (res.body.cases as Array<{ caseId: string; nextDeadline?: string }>).find(
        (c) => c.caseId === ids[0],
      );
      return found?.nextDeadline ? found : undefined;
    });
    expect(inHotel.nextDeadline).toBe(afterPlacement('P3M')); // the first of the COA's reminders

    // Paging: one case a page; the cursor leads to different cases, none seen twice.
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const res: request.Response = await request(product.app)
        .get('/api/v1/cases')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(product.auth);
      expect(res.status).toBe(200);
      expect(res.body.cases).toHaveLength(1);
      expect(seen.has(res.body.cases[0].caseId)).toBe(false);
      seen.add(res.body.cases[0].caseId);
      cursor = res.body.nextCursor;
      expect(cursor).toEqual(expect.any(String));
    }
    const forged = await request(product.app)
      .get('/api/v1/cases')
      .query({ cursor: 'bm90LWEtdG9rZW4' })
      .set(product.auth);
    expect(forged.status).toBe(400);

    const cancelled = await request(product.app)
      .post(`/api/v1/cases/${ids[1]}/cancel`)
      .set(product.auth)
      .send({ reason: 'dubbel aangemaakt' });
    expect(cancelled.status).toBe(202);
    const again = await request(product.app)
      .post(`/api/v1/cases/${ids[1]}/cancel`)
      .set(product.auth)
      .send({ reason: 'nog eens' });
    expect([202, 409]).toContain(again.status);
    await eventually(async () => {
      const res = await request(product.app).get('/api/v1/cases').query({ status: 'cancelled' }).set(product.auth);
      return (res.body.cases as Array<{ caseId: string }>).some((c) => c.caseId === ids[1]);
    });
    const noReason = await request(product.app).post(`/api/v1/cases/${ids[2]}/cancel`).set(product.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.path).toBe('/body/reason');

    const audit = await product.product.store.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'reason', 'details'])
      .where('target_id', 'in', ids)
      .execute();
    expect(audit.filter((a) => a.action === 'case.start')).toHaveLength(3);
    expect(audit.find((a) => a.action === 'case.event')?.target_id).toBe(ids[0]);
    expect(audit.find((a) => a.action === 'case.cancel')).toMatchObject({
      target_id: ids[1],
      reason: 'dubbel aangemaakt',
    });
    expect(JSON.stringify(audit)).not.toMatch(/Fatima|1234567890/);
  });

  describe('errors', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await startCase(uniqueId('ZAAK'))).body.caseId;
    });
    const sendEvent = (id: string, body: unknown) =>
      request(product.app)
        .post(`/api/v1/cases/${id}/events`)
        .set(product.auth)
        .send(body as object);

    it('400 for a malformed JSON body', async () => {
      const res = await request(product.app)
        .post(`/api/v1/cases/${caseId}/events`)
        .set('content-type', 'application/json')
        .send('{"name": ');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'MALFORMED_JSON', path: '/body' });
    });
    it('400 with the path for a body of the wrong shape', async () => {
      const res = await sendEvent(caseId, { name: 7, payload: {} });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/name' });
    });
    it('400 for case data that fail the process input schema, naming the field', async () => {
      const res = await startCase(uniqueId('ZAAK'), { ...caseData, householdSize: 0 });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_CASE_DATA', path: '/body/data/householdSize' });
    });
    it('400 for a reference that looks like a BSN', async () => {
      const res = await startCase('123456782');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('CASE_REF_LOOKS_PERSONAL');
    });
    it('404 for an unknown process and an unknown case', async () => {
      const proc = await request(product.app)
        .post('/api/v1/processes/bestaat-niet/cases')
        .set(product.auth)
        .send({ caseRef: 'ZAAK-1', data: {} });
      expect(proc.status).toBe(404);
      expect(proc.body.error.code).toBe('PROCESS_NOT_FOUND');
      const unknown = await sendEvent(`${TEST_TENANT}-${PROCESS}-000000000000000000000000`, {
        name: 'hotel-geplaatst',
        payload: {},
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('CASE_NOT_FOUND');
      const otherTenant = await request(product.app)
        .get(`/api/v1/cases/${caseId.replace(TEST_TENANT, 'GM0344')}`)
        .set(product.auth);
      expect(otherTenant.status).toBe(404);
    });
    it('409 with the reason for an event the case does not expect now, and nothing changes', async () => {
      const before = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
      const res = await sendEvent(caseId, { name: 'verhuisd', payload: {} });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('EVENT_NOT_EXPECTED');
      expect(res.body.error.message).toContain('hotel-geplaatst');
      const after = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.auth);
      expect(after.body).toEqual(before.body);
    });
    it('422 naming the payload field for an expected event with a bad payload', async () => {
      const res = await sendEvent(caseId, {
        name: 'hotel-geplaatst',
        payload: { placementDate: '20-11-2026', hotelMunicipality: 'GM0363' },
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: 'INVALID_PAYLOAD', path: '/body/payload/placementDate' });
    });
    it("401 without credentials, 403 without the permission, 404 for another municipality's case", async () => {
      const anonymous = await request(product.app).get(`/api/v1/cases/${caseId}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
      const readOnly = await product.apiKey(TEST_TENANT, ['cases:read']);
      const denied = await request(product.app)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(readOnly)
        .send({ name: 'hotel-geplaatst', payload: {} });
      expect(denied.status).toBe(403);
      const foreign = await request(product.app).get(`/api/v1/cases/${caseId}`).set(product.otherTenantAuth);
      expect(foreign.status).toBe(404);
      const foreignEvent = await request(product.app)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(product.otherTenantAuth)
        .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: 'GM0344' } });
      expect(foreignEvent.status).toBe(404);
      const foreignList = await request(product.app).get('/api/v1/cases').set(product.otherTenantAuth);
      expect((foreignList.body.cases as Array<{ caseId: string }>).some((c) => c.caseId === caseId)).toBe(false);
    });
    it('404 with a JSON error for an unknown API route', async () => {
      const res = await request(product.app).get('/api/v1/nergens').set(product.auth);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });
  });
});
