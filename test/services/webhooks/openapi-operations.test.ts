import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { notificatieOperations } from '../../../server/openapi/operations/notificaties';
import { webhookOperations } from '../../../server/openapi/operations/webhooks';
import type { Operation } from '../../../server/openapi/operation';
import { ensureDelivery } from '../../../services/webhooks/deliveries';
import { addApiKey, addTenant } from '../../support/store-app';
import { notificatie, startMapping } from '../notificaties/fixtures';
import { createIntegrationTestApp, type IntegrationTestApp } from './test-app';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const OPS = [...webhookOperations, ...notificatieOperations];
const A = 'GM0363';

/** The documented response of this operation and status must fit the real response exactly. */
function conforms(op: Operation, res: Response): void {
  const spec = op.responses[res.status];
  const label = `${op.operationId} ${res.status} ${JSON.stringify(res.body)}`;
  if (!spec) {
    expect({ label, documented: op.errors.some((c) => c === res.body?.error?.code) }).toEqual({
      label,
      documented: true,
    });
    return;
  }
  if (!spec.schema) {
    expect(res.text).toBe('');
    return;
  }
  const validate = ajv.compile(spec.schema);
  expect({ label, errors: validate(res.body) ? null : validate.errors }).toEqual({ label, errors: null });
}

describe('webhook and notificatie operations as documented', () => {
  let t: IntegrationTestApp;
  beforeAll(async () => {
    t = await createIntegrationTestApp('sqlite');
    await addTenant(t, A);
  });
  afterAll(async () => t.dispose());

  it('has unique operation ids and every documented route answers', async () => {
    expect(new Set(OPS.map((o) => o.operationId)).size).toBe(OPS.length);
    const admin = await t.admin(A, 'admin-routes');
    for (const op of OPS) {
      const path = op.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await admin.send(op.method, path, op.method === 'get' || op.method === 'delete' ? undefined : {});
      // Without the app's catch-all, an unknown route is express's HTML 404 with no JSON error.
      expect({ op: op.operationId, noRoute: res.status === 404 && res.body?.error === undefined }).toEqual({
        op: op.operationId,
        noRoute: false,
      });
      conforms(op, res);
    }
  });

  it('every success response fits its documented schema exactly', async () => {
    const admin = await t.admin(A, 'admin-schema');
    const op = (id: string) => OPS.find((o) => o.operationId === id) as Operation;

    const created = await admin.post('/webhooks/subscriptions', {
      url: 'https://example.nl/hook',
      eventTypes: ['case.started'],
    });
    conforms(op('createWebhookSubscription'), created);
    const sid = created.body.subscription.id as string;
    conforms(op('listWebhookSubscriptions'), await admin.get('/webhooks/subscriptions'));
    conforms(op('getWebhookSubscription'), await admin.get(`/webhooks/subscriptions/${sid}`));
    conforms(
      op('updateWebhookSubscription'),
      await admin.patch(`/webhooks/subscriptions/${sid}`, { description: null }),
    );
    conforms(op('rotateWebhookSecret'), await admin.post(`/webhooks/subscriptions/${sid}/rotate-secret`, {}));
    const { delivery } = await ensureDelivery(
      t.deps.store.db,
      {
        tenantId: A,
        subscriptionId: sid,
        eventId: 'evt_1',
        eventType: 'case.started',
        caseId: 'GM0363-p-1',
        workflowId: 'w',
      },
      new Date().toISOString(),
    );
    conforms(op('listWebhookDeliveries'), await admin.get('/webhooks/deliveries'));
    conforms(op('getWebhookDelivery'), await admin.get(`/webhooks/deliveries/${delivery.id}`));
    conforms(op('deleteWebhookSubscription'), await admin.send('delete', `/webhooks/subscriptions/${sid}`));

    const mapping = await admin.post('/notificatie-mappings', startMapping());
    conforms(op('createNotificatieMapping'), mapping);
    conforms(op('listNotificatieMappings'), await admin.get('/notificatie-mappings'));
    conforms(op('getNotificatieMapping'), await admin.get(`/notificatie-mappings/${mapping.body.id}`));
    conforms(
      op('replaceNotificatieMapping'),
      await admin.put(`/notificatie-mappings/${mapping.body.id}`, startMapping({ name: 'anders' })),
    );
    const sys = t.as({ Authorization: `Bearer ${await addApiKey(t, A, ['notificaties:receive'])}` });
    conforms(op('receiveNotificatie'), await sys.post('/notificaties', notificatie()));
    conforms(op('receiveNotificatie'), await sys.post('/notificaties', notificatie({ kanaal: 'besluiten' })));
    conforms(op('receiveNotificatie'), await sys.post('/notificaties', { kanaal: 'zaken' }));
    conforms(op('deleteNotificatieMapping'), await admin.send('delete', `/notificatie-mappings/${mapping.body.id}`));
  });
});
