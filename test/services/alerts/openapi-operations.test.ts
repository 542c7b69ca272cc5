import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { alertOperations } from '../../../server/openapi/operations/alerts';
import type { Operation } from '../../../server/openapi/operation';
import { addTenant } from '../../support/store-app';
import { createAlertsTestApp, type AlertsTestApp } from './test-app';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const A = 'GM0363';
const op = (id: string): Operation => alertOperations.find((o) => o.operationId === id) as Operation;

/** The documented response of this operation and status must fit the real response exactly. */
function conforms(o: Operation, res: Response): void {
  const spec = o.responses[res.status];
  const label = `${o.operationId} ${res.status} ${JSON.stringify(res.body)}`;
  if (!spec) {
    expect({ label, documented: o.errors.some((c) => c === res.body?.error?.code) }).toEqual({
      label,
      documented: true,
    });
    return;
  }
  if (!spec.schema) return void expect(res.text).toBe('');
  const validate = ajv.compile(spec.schema);
  expect({ label, errors: validate(res.body) ? null : validate.errors }).toEqual({ label, errors: null });
}

describe('alert operations as documented', () => {
  let t: AlertsTestApp;
  beforeAll(async () => {
    t = await createAlertsTestApp('sqlite');
    await addTenant(t, A);
  });
  afterAll(async () => t.dispose());

  it('has unique operation ids below /alerts', () => {
    expect(new Set(alertOperations.map((o) => o.operationId)).size).toBe(alertOperations.length);
    expect(alertOperations.every((o) => o.path.startsWith('/alerts/'))).toBe(true);
  });

  it('answers every operation with a documented status and shape', async () => {
    const admin = await t.admin(A);
    const body = {
      enabled: true,
      daysAhead: 7,
      schedule: { hour: 7, minute: 0 },
      delivery: { channel: 'webhook', url: 'https://x.example.nl/hook' },
    };
    conforms(op('getDeadlineDigestConfig'), await admin.get('/alerts/deadline-digest'));
    conforms(op('putDeadlineDigestConfig'), await admin.put('/alerts/deadline-digest', body));
    conforms(op('putDeadlineDigestConfig'), await admin.put('/alerts/deadline-digest', { ...body, daysAhead: 3 }));
    conforms(
      op('putDeadlineDigestConfig'),
      await admin.put('/alerts/deadline-digest', { ...body, delivery: { channel: 'email', to: 'a@example.nl' } }),
    );
    conforms(op('getDeadlineDigestConfig'), await admin.get('/alerts/deadline-digest'));
    conforms(op('rotateDeadlineDigestSecret'), await admin.post('/alerts/deadline-digest/rotate-secret', {}));
    const sent = await admin.post('/alerts/deadline-digest/send-now', {});
    conforms(op('sendDeadlineDigestNow'), sent);
    conforms(op('listDeadlineDigests'), await admin.get('/alerts/digests'));
    conforms(op('getDeadlineDigest'), await admin.get(`/alerts/digests/${sent.body.digestId}`));
    conforms(op('getDeadlineDigest'), await admin.get('/alerts/digests/deadline-digest-GM0363-none'));
    conforms(op('deleteDeadlineDigestConfig'), await admin.send('delete', '/alerts/deadline-digest'));
    conforms(op('deleteDeadlineDigestConfig'), await admin.send('delete', '/alerts/deadline-digest'));
  });
});
