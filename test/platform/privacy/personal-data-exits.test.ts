import { Writable } from 'node:stream';
import request from 'supertest';
import type { AuthContext } from '../../../server/auth/context';
import { createLog } from '../../../platform/log';
import { freePort } from '../../../platform/temporal/free-port';
import type { PublishedCaseEvent } from '../../../workflows/case-event';
import { createEventPublisher } from '../../../services/webhooks/publisher';
import { createSubscription } from '../../../services/webhooks/subscriptions';
import { toCsv } from '../../../ui/src/monitor/csv';
import { ADMIN_PASSWORD, eventually, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { uniqueId } from '../../support/factories';
import { createReceiver, type Receiver } from '../../services/webhooks/support/receiver';
import { daysAgo } from '../../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

/**
 * Fields a definition declares as `personalData` never leave through an unencrypted exit: log
 * lines, search attributes, webhook bodies, CSV exports, error bodies. Real cases on the real
 * product (embedded Temporal), with values no other test uses, searched for in every exit.
 */
const NAME = 'Fatima Testpersoon-Uniek';
const BIRTH = '1991-07-23';
const V_NUMMER = '9876543210';
const BSN = '111222333';
const PERSONAL = [NAME, 'Fatima', 'Testpersoon', BIRTH, '23-07-1991', V_NUMMER, BSN];
const leaks = (text: string): string[] => PERSONAL.filter((v) => text.includes(v));

const HOTEL = 'nareiziger-hotelverblijf';
const HOUSING = 'huisvesting-statushouder';
const hotelData = {
  municipality: TEST_TENANT,
  householdSize: 3,
  registrationDate: '2026-11-02',
  nareiziger: { name: NAME, vNumber: V_NUMMER },
};
const housingData = {
  municipality: TEST_TENANT,
  householdSize: 2,
  permitType: 'asiel',
  permitDate: '2026-09-01',
  koppelingDate: '2026-10-01',
  statushouder: { name: NAME, vNumber: V_NUMMER, dateOfBirth: BIRTH },
};
const EVENT_TYPES: PublishedCaseEvent['type'][] = [
  'case.started',
  'case.step-entered',
  'case.deadline-approaching',
  'case.deadline-passed',
  'case.completed',
];
const adminOf = (tenant: string): AuthContext => ({
  tenant,
  actor: { kind: 'user', id: `admin-${tenant}`, name: 'admin' },
  roles: ['admin'],
  permissions: [],
});

describe('personal data never leaves through an unencrypted exit', () => {
  let product: RunningProduct;
  let receiver: Receiver;
  let logged = '';
  const hotelRef = uniqueId('PRIVACY');
  const housingRef = uniqueId('PRIVACY');
  let hotelCase = '';
  let housingCase = '';
  const searchAttributeSnapshots: string[] = [];

  const snapshotSearchAttributes = async (caseId: string) => {
    const d = await product.runtime.client.workflow.getHandle(caseId).describe();
    searchAttributeSnapshots.push(
      JSON.stringify(d.raw.workflowExecutionInfo?.searchAttributes),
      JSON.stringify(d.searchAttributes),
    );
    return d;
  };
  const start = (processId: string, caseRef: string, data: object) =>
    request(product.app).post(`/api/v1/processes/${processId}/cases`).set(product.auth).send({ caseRef, data });
  const event = (caseId: string, name: string, payload: object) =>
    request(product.app).post(`/api/v1/cases/${caseId}/events`).set(product.auth).send({ name, payload });

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    product = await startProduct(undefined, { log: createLog('debug', sink) });
    receiver = createReceiver(await freePort());
    await receiver.listen();
    await createSubscription({ store: product.product.store, clock: () => new Date() }, adminOf(TEST_TENANT), {
      url: receiver.url,
      eventTypes: EVENT_TYPES,
    });

    const hotel = await start(HOTEL, hotelRef, hotelData);
    expect(hotel.status).toBe(201);
    hotelCase = hotel.body.caseId;
    const housing = await start(HOUSING, housingRef, housingData);
    expect(housing.status).toBe(201);
    housingCase = housing.body.caseId;

    // In the hotel: the step has a time limit, so its clock is a search attribute too.
    expect(
      (await event(hotelCase, 'hotel-geplaatst', { placementDate: PLACED, hotelMunicipality: 'GM0344' })).status,
    ).toBe(200);
    const inHotel = await snapshotSearchAttributes(hotelCase);
    expect(inHotel.searchAttributes.DoorstroomStepClockStart).toBeDefined();
    await snapshotSearchAttributes(housingCase);
    const housed = await event(hotelCase, 'woning-gevonden', { tenancyStartDate: '2026-12-01' });
    expect(housed.body).toMatchObject({ status: 'completed', outcome: 'gehuisvest' });
    await snapshotSearchAttributes(hotelCase);
  }, 120_000);

  afterAll(async () => {
    await receiver?.close();
    await product?.stop();
  }, 60_000);

  it('search attributes: references and codes only, in every state of the case', () => {
    expect(searchAttributeSnapshots).toHaveLength(6);
    const all = searchAttributeSnapshots.join('\n');
    expect(all).toContain(hotelRef);
    expect(leaks(all)).toEqual([]);
  });

  it('webhook bodies: the receiver gets references only, also when a caller attaches case data to an event', async () => {
    const publisher = createEventPublisher({
      store: product.product.store,
      client: product.runtime.client,
      taskQueue: product.taskQueue,
    });
    const careless = {
      type: 'case.step-entered',
      tenant: TEST_TENANT,
      caseId: hotelCase,
      processId: HOTEL,
      step: 'registratie',
      occurredAt: new Date().toISOString(),
      data: hotelData,
      nareiziger: hotelData.nareiziger,
      bsn: BSN,
    } as PublishedCaseEvent;
    const { eventId } = await publisher.publish(careless);
    const bodies = await eventually(async () => {
      const got = receiver.received.map((r) => r.body);
      const mine = got.filter((b) => b.includes(hotelCase));
      return (
        mine.some((b) => b.includes('case.completed')) &&
        got.some((b) => b.includes(eventId)) &&
        got.some((b) => b.includes(housingCase)) &&
        got
      );
    }, 40_000);
    expect(bodies.filter((b) => b.includes(hotelCase)).length).toBeGreaterThanOrEqual(4);
    expect(leaks(bodies.join('\n'))).toEqual([]);
    for (const body of bodies.map((b) => JSON.parse(b) as { data: object })) {
      expect(
        Object.keys(body.data).filter(
          (k) => !['caseId', 'processId', 'step', 'outcome', 'deadline', 'decision'].includes(k),
        ),
      ).toEqual([]);
    }
  });

  it('CSV exports: the monitor case list and the audit trail', async () => {
    // The monitor builds its CSV from these rows (ui/src/monitor/case-list-page.tsx): every field is exported here.
    const rows = await eventually(async () => {
      const res = await request(product.app).get('/api/v1/cases?limit=200').set(product.auth);
      const list = res.body.cases as Array<Record<string, string>>;
      return (
        list.some((r) => r.caseId === hotelCase && r.status === 'completed') &&
        list.some((r) => r.caseId === housingCase) &&
        list
      );
    });
    const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const monitorCsv = toCsv([fields, ...rows.map((r) => fields.map((f) => String(r[f] ?? '')))]);
    expect(monitorCsv).toContain(hotelRef);
    expect(leaks(monitorCsv)).toEqual([]);

    const login = await request(product.app)
      .post('/api/v1/auth/login')
      .send({ tenant: TEST_TENANT, username: 'admin', password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
    const audit = await request(product.app).get('/api/v1/audit/export.csv').set('cookie', cookie);
    expect(audit.status).toBe(200);
    expect(audit.text).toContain(hotelCase);
    expect(leaks(audit.text)).toEqual([]);
  });

  describe('error bodies: a refused request never repeats a personal value', () => {
    const refusals: Array<[string, () => Promise<request.Response>, string, string]> = [
      [
        'a V-nummer of the wrong shape',
        () => start(HOTEL, uniqueId('PRIVACY'), { ...hotelData, nareiziger: { name: NAME, vNumber: `V${V_NUMMER}` } }),
        'INVALID_CASE_DATA',
        '/body/data/nareiziger/vNumber',
      ],
      [
        'a date of birth in the wrong format',
        () =>
          start(HOUSING, uniqueId('PRIVACY'), {
            ...housingData,
            statushouder: { name: NAME, dateOfBirth: '23-07-1991' },
          }),
        'INVALID_CASE_DATA',
        '/body/data/statushouder/dateOfBirth',
      ],
      [
        'a name that is too long',
        () => start(HOTEL, uniqueId('PRIVACY'), { ...hotelData, nareiziger: { name: NAME.repeat(10) } }),
        'INVALID_CASE_DATA',
        '/body/data/nareiziger/name',
      ],
      [
        'a personal field of the wrong type',
        () => start(HOTEL, uniqueId('PRIVACY'), { ...hotelData, nareiziger: NAME }),
        'INVALID_CASE_DATA',
        '/body/data/nareiziger',
      ],
      [
        'an undeclared field inside a personal one',
        () => start(HOTEL, uniqueId('PRIVACY'), { ...hotelData, nareiziger: { name: NAME, bsn: BSN } }),
        'INVALID_CASE_DATA',
        '/body/data/nareiziger/bsn',
      ],
      [
        'a personal value next to a missing field',
        () => start(HOTEL, uniqueId('PRIVACY'), { nareiziger: { name: NAME, vNumber: V_NUMMER } }),
        'INVALID_CASE_DATA',
        '/body/data/municipality',
      ],
      [
        'a BSN in the case reference',
        () => start(HOTEL, `ZAAK-${BSN}`, hotelData),
        'CASE_REF_LOOKS_PERSONAL',
        '/body/caseRef',
      ],
      [
        'a BSN in the Idempotency-Key (kept in the audit trail)',
        () =>
          request(product.app)
            .post(`/api/v1/processes/${HOTEL}/cases`)
            .set(product.auth)
            .set('Idempotency-Key', `bsn-${BSN}`)
            .send({ caseRef: uniqueId('PRIVACY'), data: hotelData }),
        'VALIDATION_FAILED',
        '/headers/idempotency-key',
      ],
      [
        'malformed JSON around a name',
        () =>
          request(product.app)
            .post(`/api/v1/processes/${HOTEL}/cases`)
            .set(product.auth)
            .set('content-type', 'application/json')
            .send(`{"caseRef":"ZAAK-1","data":{"nareiziger":{"name": ${NAME}, "geboren": ${BIRTH}}}}`),
        'MALFORMED_JSON',
        '/body',
      ],
    ];
    it.each(refusals)('%s', async (_what, send, code, path) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, path });
      expect(leaks(res.text)).toEqual([]);
    });
  });

  // Last (tests run in the order written): every request above, refused ones included, has been logged by now.
  describe('log lines', () => {
    it('nothing personal in anything the product logged', async () => {
      await eventually(async () => /"msg":"case event published"/.test(logged) && /"msg":"placement"/.test(logged));
      expect(logged).toContain(hotelCase);
      expect(leaks(logged)).toEqual([]);
    });
  });
});
