import { queryAudit } from '../../../services/audit/audit';
import { reconcileDigestSchedules } from '../../../services/alerts/alert-config';
import { ALERT_SECRET_PURPOSE, openAlertSecret } from '../../../services/alerts/alert-secret';
import { recordDigestAttempt } from '../../../services/alerts/digest-log';
import { describeEachDialect } from '../../support/postgres';
import { addTenant, caller, userCaller } from '../../support/store-app';
import { createAlertsTestApp, type AlertsTestApp } from './test-app';

const A = 'GM0363';
const B = 'GM0344';
const config = (over: Record<string, unknown> = {}) => ({
  enabled: true,
  daysAhead: 7,
  schedule: { hour: 7, minute: 0 },
  delivery: { channel: 'webhook', url: 'https://zaaksysteem.example.nl/termijnen' },
  ...over,
});

describeEachDialect('deadline digest configuration and log routes', (dialect) => {
  let t: AlertsTestApp;
  beforeEach(async () => {
    t = await createAlertsTestApp(dialect);
    await addTenant(t, A);
    await addTenant(t, B);
  });
  afterEach(async () => t.dispose());

  it('creates, reads, changes, switches off, rotates and deletes the configuration; the schedule follows and each change is audited', async () => {
    const admin = await t.admin(A);
    expect((await admin.get('/alerts/deadline-digest')).status).toBe(404);

    const created = await admin.put('/alerts/deadline-digest', { ...config(), reason: 'dagelijks overzicht' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.config).toMatchObject({
      tenantId: A,
      enabled: true,
      daysAhead: 7,
      schedule: { hour: 7, minute: 0, daysOfWeek: [], timezone: 'Europe/Amsterdam' },
      delivery: { channel: 'webhook', url: 'https://zaaksysteem.example.nl/termijnen' },
      scheduleId: `deadline-digest-${A}`,
    });
    expect(t.scheduler.calls).toEqual([{ op: 'upsert', tenant: A, calendar: { hour: 7, minute: 0, daysOfWeek: [] } }]);
    const read = await admin.get('/alerts/deadline-digest');
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    // At rest the secret is sealed with the key ring, bound to the municipality (migration 0016).
    const stored = await t.deps.store.db
      .selectFrom('alert_digest_configs')
      .selectAll()
      .where('tenant_id', '=', A)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(created.body.secret);
    expect(await openAlertSecret(t.deps.store.db, t.deps.store.secrets, stored)).toBe(created.body.secret);
    expect(() => t.deps.store.secrets.open(stored.secret_enc!, ALERT_SECRET_PURPOSE, B)).toThrow(/does not decrypt/);

    const changed = await admin.put(
      '/alerts/deadline-digest',
      config({ daysAhead: 14, schedule: { hour: 6, minute: 30, daysOfWeek: ['MONDAY', 'THURSDAY'] } }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body.secret).toBeUndefined();
    expect(changed.body.config).toMatchObject({
      daysAhead: 14,
      schedule: { hour: 6, minute: 30, daysOfWeek: ['MONDAY', 'THURSDAY'] },
    });
    expect(t.scheduler.calls.at(-1)).toEqual({
      op: 'upsert',
      tenant: A,
      calendar: { hour: 6, minute: 30, daysOfWeek: ['MONDAY', 'THURSDAY'] },
    });

    const off = await admin.put('/alerts/deadline-digest', config({ enabled: false }));
    expect(off.body.config).toMatchObject({ enabled: false, scheduleId: null });
    expect(t.scheduler.calls.at(-1)).toEqual({ op: 'remove', tenant: A });

    const rotated = await admin.post('/alerts/deadline-digest/rotate-secret', { reason: 'lek' });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const resealed = await t.deps.store.db
      .selectFrom('alert_digest_configs')
      .selectAll()
      .where('tenant_id', '=', A)
      .executeTakeFirstOrThrow();
    expect(await openAlertSecret(t.deps.store.db, t.deps.store.secrets, resealed)).toBe(rotated.body.secret);

    expect((await admin.send('delete', '/alerts/deadline-digest?reason=opgeheven')).status).toBe(204);
    expect(t.scheduler.calls.at(-1)).toEqual({ op: 'remove', tenant: A });
    expect((await admin.get('/alerts/deadline-digest')).status).toBe(404);

    const audit = await queryAudit(t.deps.store.db, A, { action: 'alert.' });
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'alert.create',
      'alert.update',
      'alert.update',
      'alert.rotateSecret',
      'alert.delete',
    ]);
    expect(audit.at(-1)).toMatchObject({
      reason: 'dagelijks overzicht',
      target: { type: 'alertDigest', id: A },
      after: 'https://zaaksysteem.example.nl/termijnen',
    });
    expect(audit[0]).toMatchObject({ reason: 'opgeheven' });
    expect(JSON.stringify(audit)).not.toMatch(/whsec_/);
  });

  it('rejects bad bodies with 400, a stable code and the failing path', async () => {
    const admin = await t.admin(A);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [config({ daysAhead: 0 }), 'VALIDATION_FAILED', '/body/daysAhead'],
      [config({ daysAhead: 1.5 }), 'VALIDATION_FAILED', '/body/daysAhead'],
      [config({ schedule: { hour: 24, minute: 0 } }), 'VALIDATION_FAILED', '/body/schedule/hour'],
      [config({ schedule: { hour: 7 } }), 'VALIDATION_FAILED', '/body/schedule/minute'],
      [
        config({ schedule: { hour: 7, minute: 0, daysOfWeek: ['MAANDAG'] } }),
        'VALIDATION_FAILED',
        '/body/schedule/daysOfWeek/0',
      ],
      [config({ enabled: 'yes' }), 'VALIDATION_FAILED', '/body/enabled'],
      [config({ extra: 1 }), 'VALIDATION_FAILED', '/body/extra'],
      [
        config({ delivery: { channel: 'sms', url: 'https://x.example.nl' } }),
        'VALIDATION_FAILED',
        '/body/delivery/channel',
      ],
      [config({ delivery: { channel: 'webhook' } }), 'VALIDATION_FAILED', '/body/delivery/url'],
      [
        config({ delivery: { channel: 'webhook', url: 'ftp://x.example.nl/hook' } }),
        'VALIDATION_FAILED',
        '/body/delivery/url',
      ],
      [
        config({ delivery: { channel: 'webhook', url: 'http://zaaksysteem.example.nl/hook' } }),
        'WEBHOOK_URL_NOT_ALLOWED',
        '/body/delivery/url',
      ],
      [
        config({ delivery: { channel: 'webhook', url: 'https://user:pw@x.example.nl/hook' } }),
        'WEBHOOK_URL_NOT_ALLOWED',
        '/body/delivery/url',
      ],
      [
        config({ delivery: { channel: 'email', to: 'termijnen@gemeente.example.nl' } }),
        'ALERT_EMAIL_UNAVAILABLE',
        '/body/delivery/channel',
      ],
    ];
    for (const [body, code, path] of cases) {
      const res = await admin.put('/alerts/deadline-digest', body);
      expect({ body, status: res.status, code: res.body.error?.code, path: res.body.error?.path }).toEqual({
        body,
        status: 400,
        code,
        path,
      });
    }
    expect((await admin.get('/alerts/digests?limit=0')).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: '/query/limit',
    });
    expect((await admin.get('/alerts/digests/not-a-digest')).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: '/params/digestId',
    });
    expect(t.scheduler.calls).toEqual([]);
  });

  it('is for admins only', async () => {
    const supervisor = await userCaller(t, A, 'toezicht', ['supervisor']);
    for (const [method, path] of [
      ['get', '/alerts/deadline-digest'],
      ['put', '/alerts/deadline-digest'],
      ['post', '/alerts/deadline-digest/send-now'],
      ['get', '/alerts/digests'],
    ] as const) {
      expect((await supervisor.send(method, path, method === 'get' ? undefined : config())).body.error?.code).toBe(
        'FORBIDDEN',
      );
      expect((await caller(t.app).send(method, path, method === 'get' ? undefined : config())).status).toBe(401);
    }
  });

  it('keeps municipalities apart: another admin sees neither the configuration nor the log', async () => {
    const a = await t.admin(A);
    const b = await t.admin(B);
    await a.put('/alerts/deadline-digest', config());
    const sent = await a.post('/alerts/deadline-digest/send-now', { reason: 'test' });
    expect(sent.status).toBe(200);
    expect(sent.body.entry).toMatchObject({ status: 'sent', tenantId: A });

    expect((await b.get('/alerts/deadline-digest')).status).toBe(404);
    expect((await b.get('/alerts/digests')).body.items).toEqual([]);
    expect((await b.get(`/alerts/digests/${sent.body.digestId}`)).status).toBe(404);
    expect((await b.post('/alerts/deadline-digest/send-now', {})).status).toBe(404);
    expect((await b.send('delete', '/alerts/deadline-digest')).status).toBe(404);
    expect((await a.get('/alerts/deadline-digest')).status).toBe(200);
  });

  it('send-now is audited and answers with the log entry; the log lists success and failure, filterable by status', async () => {
    const admin = await t.admin(A);
    expect((await admin.post('/alerts/deadline-digest/send-now', {})).status).toBe(404);
    await admin.put('/alerts/deadline-digest', config({ enabled: false }));
    const sent = await admin.post('/alerts/deadline-digest/send-now', { reason: 'proef' });
    expect(sent.status).toBe(200);
    expect(sent.headers.location).toBe(`/api/v1/alerts/digests/${sent.body.digestId}`);
    expect(sent.body.entry).toMatchObject({
      id: sent.body.digestId,
      trigger: 'manual',
      status: 'sent',
      caseCount: 2,
      deadlineCount: 3,
      statusCode: 204,
    });
    const audit = await queryAudit(t.deps.store.db, A, { action: 'alert.sendNow' });
    expect(audit).toEqual([expect.objectContaining({ reason: 'proef', after: sent.body.digestId })]);

    await recordDigestAttempt(
      t.deps.store.db,
      {
        id: `deadline-digest-${A}-x`,
        tenantId: A,
        trigger: 'schedule',
        channel: 'webhook',
        target: 'https://x.example.nl/hook',
        requestedBy: null,
        status: 'failed',
        attempt: 3,
        caseCount: 1,
        deadlineCount: 1,
        windowFrom: null,
        windowTo: null,
        statusCode: 500,
        error: 'receiver answered HTTP 500',
      },
      t.clock().toISOString(),
    );
    const all = await admin.get('/alerts/digests');
    expect(all.body.items.map((i: any) => i.status).sort()).toEqual(['failed', 'sent']);
    const failed = await admin.get('/alerts/digests?status=failed');
    expect(failed.body.items).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 3, statusCode: 500, error: 'receiver answered HTTP 500' }),
    ]);
    expect((await admin.get(`/alerts/digests/deadline-digest-${A}-x`)).body).toMatchObject({ status: 'failed' });
  });

  it('re-creates the schedules of enabled configurations at start-up', async () => {
    await (await t.admin(A)).put('/alerts/deadline-digest', config({ schedule: { hour: 8, minute: 15 } }));
    await (await t.admin(B)).put('/alerts/deadline-digest', config({ enabled: false }));
    t.scheduler.calls.length = 0;
    expect(await reconcileDigestSchedules(t.deps.store.db, t.scheduler)).toEqual({ scheduled: [A] });
    expect(t.scheduler.calls).toEqual([{ op: 'upsert', tenant: A, calendar: { hour: 8, minute: 15, daysOfWeek: [] } }]);
  });

  it('saves nothing when Temporal refuses the schedule', async () => {
    const admin = await t.admin(A);
    t.scheduler.failNext = new Error('temporal unavailable');
    expect((await admin.put('/alerts/deadline-digest', config())).status).toBe(500);
    expect((await admin.get('/alerts/deadline-digest')).status).toBe(404);
    expect(await queryAudit(t.deps.store.db, A, { action: 'alert.' })).toEqual([]);
  });
});

describe('deadline digest by e-mail with an SMTP server configured', () => {
  it('accepts an address and needs one', async () => {
    const t = await createAlertsTestApp('sqlite', { emailAvailable: true });
    try {
      await addTenant(t, A);
      const admin = await t.admin(A);
      const missing = await admin.put('/alerts/deadline-digest', config({ delivery: { channel: 'email' } }));
      expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/delivery/to' });
      const bad = await admin.put(
        '/alerts/deadline-digest',
        config({ delivery: { channel: 'email', to: 'geen adres' } }),
      );
      expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/delivery/to' });
      const ok = await admin.put(
        '/alerts/deadline-digest',
        config({ delivery: { channel: 'email', to: 'termijnen@gemeente.example.nl' } }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.config.delivery).toEqual({ channel: 'email', to: 'termijnen@gemeente.example.nl' });
    } finally {
      await t.dispose();
    }
  });
});
