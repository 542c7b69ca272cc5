import express, { type Express } from 'express';
import request from 'supertest';
import { ScheduleNotFoundError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createDigestScheduler } from '../../../services/alerts/digest-schedule';
import { DEADLINE_DIGEST_WORKFLOW, digestScheduleId } from '../../../workflows/digest-input';
import { listDigestLog } from '../../../services/alerts/digest-log';
import { hashPassword } from '../../../services/auth/password';
import { insertUser } from '../../../services/auth/users';
import { loadCodecKeys } from '../../../platform/codec/codec-keys';
import { EncryptionCodec } from '../../../platform/codec/encryption-codec';
import { errorHandler } from '../../../server/error-handler';
import { createAlertsRouter } from '../../../server/routes/alerts';
import { freePort } from '../../../platform/temporal/free-port';
import { verifyWebhookSignature } from '../../../services/webhooks/signature';
import { createActivityRegistry } from '../../../worker/activity-registry';
import { storeActivityDeps } from '../../../worker/store-activity-deps';
import { deadlineDigest } from '../../../workflows/deadline-digest';
import { eventually, OTHER_TENANT, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { createReceiver } from '../webhooks/support/receiver';
import { daysAgo } from '../../support/municipal-date';

/** Receivers here listen on 127.0.0.1 over http: the egress guard's development allowance. */
const LOOPBACK = { DOORSTROOM_EGRESS_ALLOW_LOOPBACK: 'true' };

const PROCESS = 'nareiziger-hotelverblijf';
const PASSWORD = 'alerts-test-wachtwoord-2026';
const config = (url: string, over: Record<string, unknown> = {}) => ({
  enabled: true,
  daysAhead: 30,
  schedule: { hour: 7, minute: 0 },
  delivery: { channel: 'webhook', url },
  ...over,
});

describe('deadline digest on Temporal (embedded dev server)', () => {
  let p: RunningProduct;
  let worker: Worker;
  let running: Promise<void>;
  let connection: NativeConnection;
  let app: Express;
  let admin: Record<string, string>;
  const taskQueue = `alerts-${Date.now()}`;
  const cases: Record<'soon' | 'later' | 'waiting' | 'other', string> = { soon: '', later: '', waiting: '', other: '' };
  let seq = 0;

  const startHotel = async (tenant: string, auth: Record<string, string>, placementDaysAgo: number | null) => {
    const caseRef = `ALERT-REF-${Date.now()}-${++seq}`;
    const res = await request(p.app)
      .post(`/api/v1/processes/${PROCESS}/cases`)
      .set(auth)
      .send({
        caseRef,
        data: {
          municipality: tenant,
          householdSize: 2,
          registrationDate: daysAgo(200),
          nareiziger: { name: 'Jan Jansen', vNumber: '1234567890' },
        },
      });
    expect(res.status).toBe(201);
    const caseId = res.body.caseId as string;
    if (placementDaysAgo !== null) {
      const ev = await request(p.app)
        .post(`/api/v1/cases/${caseId}/events`)
        .set(auth)
        .send({
          name: 'hotel-geplaatst',
          payload: { placementDate: daysAgo(placementDaysAgo), hotelMunicipality: tenant },
        });
      expect(ev.status).toBe(200);
    }
    return { caseId, caseRef };
  };
  const refs: string[] = [];

  beforeAll(async () => {
    p = await startProduct();
    connection = await NativeConnection.connect({ address: p.runtime.address });
    worker = await Worker.create({
      connection,
      namespace: p.runtime.client.options.namespace,
      taskQueue,
      workflowsPath: require.resolve('./support/workflows'),
      activities: createActivityRegistry(
        storeActivityDeps(p.product.store, {
          log: { info: () => undefined, warn: () => undefined },
          smtp: null,
          env: LOOPBACK,
        }),
      ),
      dataConverter: { payloadCodecs: [new EncryptionCodec(loadCodecKeys(p.dataDir))] },
    });
    running = worker.run();

    app = express();
    app.use(express.json());
    app.use(
      '/api/v1',
      createAlertsRouter({
        auth: p.product.storeDeps,
        scheduler: createDigestScheduler({ client: p.runtime.client, taskQueue }),
        emailAvailable: false,
        env: LOOPBACK,
      }),
    );
    app.use(errorHandler({ error: () => undefined }));
    await insertUser(
      p.product.store.db,
      {
        tenantId: TEST_TENANT,
        username: 'beheer',
        roles: ['admin'],
        passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
        mustChangePassword: false,
      },
      new Date().toISOString(),
    );
    const login = await request(p.app)
      .post('/api/v1/auth/login')
      .send({ tenant: TEST_TENANT, username: 'beheer', password: PASSWORD });
    expect(login.status).toBe(200);
    admin = {
      Cookie: String(login.get('Set-Cookie')?.[0] ?? '').split(';')[0] as string,
      'X-CSRF-Token': login.body.csrfToken as string,
    };

    // In a 30-day window: the 5-month reminder of a stay that began 130 days ago (its 6-month
    // end is ~52 days away); not the 3-month reminder of a stay that began 10 days ago; nothing
    // of a case still waiting for a hotel; nothing of another municipality.
    for (const [key, tenant, auth, days] of [
      ['soon', TEST_TENANT, p.auth, 130],
      ['later', TEST_TENANT, p.auth, 10],
      ['waiting', TEST_TENANT, p.auth, null],
      ['other', OTHER_TENANT, p.otherTenantAuth, 130],
    ] as const) {
      const c = await startHotel(tenant, auth, days);
      cases[key] = c.caseId;
      refs.push(c.caseRef);
    }
    await eventually(async () => {
      const res = await request(p.app).get(`/api/v1/cases?processId=${PROCESS}`).set(p.auth);
      const withDeadline = (res.body.cases ?? res.body.items ?? []).filter((c: any) => c.nextDeadline);
      return withDeadline.length >= 2;
    }, 30_000);
  }, 180_000);

  afterAll(async () => {
    await p?.runtime.client.schedule
      .getHandle(digestScheduleId(TEST_TENANT))
      .delete()
      .catch(() => undefined);
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
    await connection?.close();
    await p?.stop();
  }, 60_000);

  it('names the workflow as the schedule starts it', () => {
    expect(deadlineDigest.name).toBe(DEADLINE_DIGEST_WORKFLOW);
  });

  it('creates, updates and deletes the Temporal Schedule as the configuration changes', async () => {
    const id = digestScheduleId(TEST_TENANT);
    const created = await request(app)
      .put('/api/v1/alerts/deadline-digest')
      .set(admin)
      .send(config('https://zaaksysteem.example.nl/termijnen'));
    expect(created.status).toBe(201);
    const described = await p.runtime.client.schedule.getHandle(id).describe();
    expect(described.spec.timezone).toBe('Europe/Amsterdam');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] }),
    ]);
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: DEADLINE_DIGEST_WORKFLOW,
      taskQueue,
    });
    expect(described.action.args).toEqual([expect.objectContaining({ tenant: TEST_TENANT, trigger: 'schedule' })]);
    expect(described.policies.overlap).toBe('SKIP');

    await request(app)
      .put('/api/v1/alerts/deadline-digest')
      .set(admin)
      .send(
        config('https://zaaksysteem.example.nl/termijnen', {
          schedule: { hour: 6, minute: 30, daysOfWeek: ['MONDAY', 'FRIDAY'] },
        }),
      )
      .expect(200);
    const updated = await p.runtime.client.schedule.getHandle(id).describe();
    expect(updated.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 6, end: 6, step: 1 }],
        minute: [{ start: 30, end: 30, step: 1 }],
        dayOfWeek: [
          { start: 'MONDAY', end: 'MONDAY', step: 1 },
          { start: 'FRIDAY', end: 'FRIDAY', step: 1 },
        ],
      }),
    ]);
    expect(updated.spec.timezone).toBe('Europe/Amsterdam');

    await request(app)
      .put('/api/v1/alerts/deadline-digest')
      .set(admin)
      .send(config('https://zaaksysteem.example.nl/termijnen', { enabled: false }))
      .expect(200);
    await expect(p.runtime.client.schedule.getHandle(id).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);

    await request(app)
      .put('/api/v1/alerts/deadline-digest')
      .set(admin)
      .send(config('https://zaaksysteem.example.nl/termijnen'))
      .expect(200);
    expect((await p.runtime.client.schedule.getHandle(id).describe()).spec.timezone).toBe('Europe/Amsterdam');
    await request(app).delete('/api/v1/alerts/deadline-digest').set(admin).expect(204);
    await expect(p.runtime.client.schedule.getHandle(id).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });

  it('send-now delivers a signed digest of the deadlines in the window, references only, and logs it', async () => {
    const receiver = createReceiver(await freePort());
    await receiver.listen();
    try {
      const put = await request(app)
        .put('/api/v1/alerts/deadline-digest')
        .set(admin)
        .send(config(receiver.url, { enabled: false }));
      expect(put.status).toBe(201);
      const secret = put.body.secret as string;
      const sent = await request(app)
        .post('/api/v1/alerts/deadline-digest/send-now')
        .set(admin)
        .send({ reason: 'proef' });
      expect(sent.status).toBe(200);
      expect(sent.body.entry).toMatchObject({
        id: sent.body.digestId,
        status: 'sent',
        trigger: 'manual',
        attempts: 1,
        statusCode: 204,
        caseCount: 1,
        deadlineCount: 1,
        error: null,
      });

      expect(receiver.received).toHaveLength(1);
      const got = receiver.received[0]!;
      expect(
        verifyWebhookSignature({ secret, header: got.headers['doorstroom-signature'] as string, body: got.body }),
      ).toMatchObject({ ok: true });
      expect(got.headers['doorstroom-event-id']).toBe(sent.body.digestId);
      expect(got.headers['doorstroom-event-type']).toBe('deadline-digest');

      const body = JSON.parse(got.body);
      expect(body).toMatchObject({
        id: sent.body.digestId,
        type: 'deadline-digest',
        tenant: TEST_TENANT,
        window: { daysAhead: 30, timezone: 'Europe/Amsterdam' },
        totals: { processes: 1, cases: 1, deadlines: 1 },
        truncated: false,
      });
      expect(body.processes).toEqual([
        {
          processId: PROCESS,
          processLabel: 'Nareiziger: hotelverblijf',
          cases: 1,
          deadlines: 1,
          items: [
            {
              caseId: cases.soon,
              step: 'coa-betaalde-periode',
              stepLabel: 'Hotelverblijf (door COA betaald)',
              deadline: {
                id: 'coa-betaalde-periode:vijf-maanden',
                kind: 'reminder',
                label: expect.stringContaining('5 maanden'),
                at: expect.any(String),
              },
            },
          ],
        },
      ]);
      const at = Date.parse(body.processes[0].items[0].deadline.at);
      expect(at).toBeGreaterThan(Date.parse(body.window.from));
      expect(at).toBeLessThan(Date.parse(body.window.to));
      for (const absent of [
        cases.later,
        cases.waiting,
        cases.other,
        ...refs,
        'Jan',
        'Jansen',
        '1234567890',
        'nareiziger"',
        'householdSize',
      ])
        expect(got.body).not.toContain(absent);

      const log = await request(app).get('/api/v1/alerts/digests').set(admin);
      expect(log.body.items[0]).toMatchObject({ id: sent.body.digestId, status: 'sent', target: receiver.url });
    } finally {
      await receiver.close();
    }
  });

  it('logs a failed digest with the receiver answer, and a scheduled run by its trigger', async () => {
    const failing = createReceiver(await freePort(), 500);
    await failing.listen();
    try {
      await request(app)
        .put('/api/v1/alerts/deadline-digest')
        .set(admin)
        .send(config(failing.url, { enabled: true }))
        .expect(200);
      const sent = await request(app).post('/api/v1/alerts/deadline-digest/send-now').set(admin).send({});
      expect(sent.status).toBe(200);
      expect(sent.body.entry).toMatchObject({
        status: 'failed',
        statusCode: 500,
        error: 'receiver answered HTTP 500',
        attempts: 1,
      });
      expect(failing.received).toHaveLength(1);
    } finally {
      await failing.close();
    }

    const ok = createReceiver(await freePort());
    await ok.listen();
    try {
      await request(app).put('/api/v1/alerts/deadline-digest').set(admin).send(config(ok.url)).expect(200);
      await p.runtime.client.schedule.getHandle(digestScheduleId(TEST_TENANT)).trigger();
      const entry = await eventually(
        async () =>
          (await listDigestLog(p.product.store.db, TEST_TENANT)).find(
            (e) => e.trigger === 'schedule' && e.status === 'sent',
          ),
        30_000,
      );
      expect(entry).toMatchObject({ caseCount: 1, deadlineCount: 1, statusCode: 204, target: ok.url });
      expect(entry.id.startsWith(digestScheduleId(TEST_TENANT))).toBe(true);
      expect(ok.received).toHaveLength(1);
      const failed = await request(app).get('/api/v1/alerts/digests?status=failed').set(admin);
      expect(failed.body.items).toHaveLength(1);
    } finally {
      await ok.close();
    }
  });
});
