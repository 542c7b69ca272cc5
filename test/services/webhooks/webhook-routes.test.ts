import request from 'supertest';
import { queryAudit } from '../../../services/audit/audit';
import { ensureDelivery, recordAttempt } from '../../../services/webhooks/deliveries';
import { describeEachDialect } from '../../support/postgres';
import { addApiKey, addTenant, caller, userCaller } from '../../support/store-app';
import { createIntegrationTestApp, type IntegrationTestApp } from './test-app';

const A = 'GM0363';
const B = 'GM0344';
const sub = (over: object = {}) => ({
  url: 'https://zaaksysteem.example.nl/hook',
  eventTypes: ['case.started', 'case.completed'],
  ...over,
});

describeEachDialect('webhook subscription and delivery-log routes', (dialect) => {
  let t: IntegrationTestApp;
  beforeEach(async () => {
    t = await createIntegrationTestApp(dialect);
    await addTenant(t, A);
    await addTenant(t, B);
  });
  afterEach(async () => t.dispose());

  it('creates a subscription, shows the secret once, lists, changes, rotates and deletes it, auditing each change', async () => {
    const admin = await t.admin(A);
    const created = await admin.post('/webhooks/subscriptions', {
      ...sub(),
      description: 'Zaaksysteem',
      reason: 'koppeling zaaksysteem',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    expect(created.body.subscription).toMatchObject({
      tenantId: A,
      url: sub().url,
      eventTypes: ['case.started', 'case.completed'],
      active: true,
      description: 'Zaaksysteem',
    });
    const id = created.body.subscription.id as string;
    expect(created.headers.location).toBe(`/api/v1/webhooks/subscriptions/${id}`);

    const listed = await admin.get('/webhooks/subscriptions');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(JSON.stringify((await admin.get(`/webhooks/subscriptions/${id}`)).body)).not.toContain(created.body.secret);

    const patched = await admin.patch(`/webhooks/subscriptions/${id}`, {
      active: false,
      eventTypes: ['case.deadline-passed'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ active: false, eventTypes: ['case.deadline-passed'] });

    const rotated = await admin.post(`/webhooks/subscriptions/${id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    const deleted = await admin.send('delete', `/webhooks/subscriptions/${id}?reason=opgeheven`);
    expect(deleted.status).toBe(204);
    expect((await admin.get(`/webhooks/subscriptions/${id}`)).status).toBe(404);

    const audit = await queryAudit(t.deps.store.db, A, { action: 'webhook.' });
    expect(audit.map((e) => e.action).reverse()).toEqual([
      'webhook.create',
      'webhook.update',
      'webhook.rotateSecret',
      'webhook.delete',
    ]);
    expect(audit[3]).toMatchObject({ reason: 'koppeling zaaksysteem', target: { type: 'webhookSubscription', id } });
    expect(audit[0]).toMatchObject({ reason: 'opgeheven' });
    expect(JSON.stringify(audit)).not.toContain(created.body.secret);
  });

  it('rejects a bad body with 400 and the failing path', async () => {
    const admin = await t.admin(A);
    const badType = await admin.post('/webhooks/subscriptions', sub({ eventTypes: ['case.exploded'] }));
    expect(badType.status).toBe(400);
    expect(badType.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/eventTypes/0' });
    const badUrl = await admin.post('/webhooks/subscriptions', sub({ url: 'ftp://example.nl/x' }));
    expect(badUrl.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/url' });
    const none = await admin.post('/webhooks/subscriptions', { url: sub().url });
    expect(none.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/eventTypes' });
    expect((await admin.get('/webhooks/subscriptions/not-a-uuid')).body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      path: '/params/subscriptionId',
    });
  });

  it('is for administrators only: other roles and API keys are refused, nobody unauthenticated', async () => {
    const designer = await userCaller(t, A, 'ontwerper', ['designer']);
    expect((await caller(t.app, designer.headers).get('/webhooks/subscriptions')).status).toBe(403);
    const key = await addApiKey(t, A, ['cases:read', 'notificaties:receive']);
    expect((await t.as({ Authorization: `Bearer ${key}` }).get('/webhooks/deliveries')).status).toBe(403);
    expect((await request(t.app).get('/api/v1/webhooks/subscriptions')).status).toBe(401);
  });

  it('keeps subscriptions and delivery logs per municipality', async () => {
    const adminA = await t.admin(A);
    const adminB = await t.admin(B);
    const subA = (await adminA.post('/webhooks/subscriptions', sub())).body.subscription.id as string;
    const subB = (await adminB.post('/webhooks/subscriptions', sub({ url: 'https://utrecht.example.nl/hook' }))).body
      .subscription.id as string;
    const now = t.clock().toISOString();
    const { delivery } = await ensureDelivery(
      t.deps.store.db,
      {
        tenantId: A,
        subscriptionId: subA,
        eventId: 'evt_a',
        eventType: 'case.started',
        caseId: 'GM0363-p-1',
        workflowId: 'w',
      },
      now,
    );
    await recordAttempt(
      t.deps.store.db,
      delivery.id,
      { attempt: 2, statusCode: 503, error: 'receiver answered HTTP 503', delivered: false },
      now,
    );
    await ensureDelivery(
      t.deps.store.db,
      {
        tenantId: B,
        subscriptionId: subB,
        eventId: 'evt_b',
        eventType: 'case.started',
        caseId: 'GM0344-p-1',
        workflowId: 'w2',
      },
      now,
    );

    expect((await adminA.get('/webhooks/subscriptions')).body.items.map((s: any) => s.id)).toEqual([subA]);
    expect((await adminB.get(`/webhooks/subscriptions/${subA}`)).status).toBe(404);
    expect((await adminB.patch(`/webhooks/subscriptions/${subA}`, { active: false })).status).toBe(404);
    expect((await adminB.send('delete', `/webhooks/subscriptions/${subA}`)).status).toBe(404);
    expect((await adminB.post(`/webhooks/subscriptions/${subA}/rotate-secret`, {})).status).toBe(404);

    const logA = await adminA.get('/webhooks/deliveries');
    expect(logA.body.items).toEqual([
      expect.objectContaining({
        id: delivery.id,
        eventId: 'evt_a',
        status: 'pending',
        attempts: 2,
        lastStatusCode: 503,
        lastError: 'receiver answered HTTP 503',
      }),
    ]);
    expect((await adminB.get('/webhooks/deliveries')).body.items.map((d: any) => d.eventId)).toEqual(['evt_b']);
    expect((await adminB.get(`/webhooks/deliveries/${delivery.id}`)).status).toBe(404);
    expect((await adminA.get(`/webhooks/deliveries/${delivery.id}`)).body).toMatchObject({
      subscriptionId: subA,
      status: 'pending',
    });
    expect((await adminA.get(`/webhooks/deliveries?status=delivered`)).body.items).toEqual([]);
    expect((await adminA.get(`/webhooks/deliveries?subscriptionId=${subA}&status=pending`)).body.items).toHaveLength(1);
  });

  it('makes one log entry per (subscription, event), however often it is published', async () => {
    const adminA = await t.admin(A);
    const subA = (await adminA.post('/webhooks/subscriptions', sub())).body.subscription.id as string;
    const entry = {
      tenantId: A,
      subscriptionId: subA,
      eventId: 'evt_twice',
      eventType: 'case.started',
      caseId: 'GM0363-p-1',
      workflowId: 'w',
    };
    const first = await ensureDelivery(t.deps.store.db, entry, t.clock().toISOString());
    const second = await ensureDelivery(t.deps.store.db, entry, t.clock().toISOString());
    expect(first.created).toBe(true);
    expect(second).toEqual({ delivery: first.delivery, created: false, workflowId: 'w' });
  });
});
