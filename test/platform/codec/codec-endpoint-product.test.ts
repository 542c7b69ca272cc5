import request from 'supertest';
import { hashPassword } from '../../../services/auth/password';
import { insertUser } from '../../../services/auth/users';
import { uniqueId } from '../../support/factories';
import { OTHER_TENANT, startProduct, TEST_TENANT, type RunningProduct } from '../../support/runtime';
import { daysAgo } from '../../support/municipal-date';

// A hotel placement ten days back, so the six months the COA pays from it are still running when the
// test looks (a fixed date would let that period end and move the case on, some day).
const PLACED = daysAgo(10);

type WirePayload = { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null };
const toWire = (p: WirePayload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

/** Every payload anywhere in a history (inputs, activity inputs and results, update arguments, results…). */
function payloadsIn(node: unknown, out: WirePayload[] = []): WirePayload[] {
  if (Array.isArray(node)) for (const item of node) payloadsIn(item, out);
  else if (node && typeof node === 'object' && !(node instanceof Uint8Array)) {
    const value = node as Record<string, unknown>;
    if (value.metadata && typeof value.metadata === 'object' && value.data instanceof Uint8Array) out.push(value);
    // Not through the codec, by design: search attributes (never personal data, design.md) and the SDK's patch markers.
    else
      for (const [k, child] of Object.entries(value))
        if (k !== 'searchAttributes' && k !== 'patch-data') payloadsIn(child, out);
  }
  return out;
}

describe('keys per municipality in the real product (Temporal, worker, codec endpoint)', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => product?.stop(), 30_000);

  async function supervisor(tenant: string) {
    const username = uniqueId('toezicht');
    const password = 'een-lang-test-wachtwoord-2026';
    await insertUser(
      product.product.store.db,
      {
        tenantId: tenant,
        username,
        roles: ['supervisor'],
        passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }),
        mustChangePassword: false,
      },
      new Date().toISOString(),
    );
    const login = await request(product.app).post('/api/v1/auth/login').send({ tenant, username, password });
    expect(login.status).toBe(200);
    return { Cookie: String(login.get('Set-Cookie')?.[0]).split(';')[0] as string };
  }

  it("writes a case's history under its municipality's key, decodes it for that municipality's supervisor only", async () => {
    const started = await request(product.app)
      .post('/api/v1/processes/nareiziger-hotelverblijf/cases')
      .set(product.auth)
      .send({
        caseRef: uniqueId('ZAAK'),
        data: {
          municipality: TEST_TENANT,
          householdSize: 2,
          registrationDate: '2026-11-01',
          nareiziger: { name: 'Yara Voorbeeld' },
        },
      });
    expect(started.status).toBe(201);
    const caseId = started.body.caseId as string;
    // An event through an update: the client encodes it, the worker decodes it and encodes the result.
    const event = await request(product.app)
      .post(`/api/v1/cases/${caseId}/events`)
      .set(product.auth)
      .send({ name: 'hotel-geplaatst', payload: { placementDate: PLACED, hotelMunicipality: OTHER_TENANT } });
    expect(event.status).toBe(200);
    const raw = await product.runtime.client.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: caseId },
    });
    const payloads = payloadsIn(raw.history?.events);
    const meta = (p: WirePayload, k: string) => Buffer.from(p.metadata?.[k] ?? []).toString();
    const keyIds = new Set(payloads.map((p) => `${meta(p, 'encoding')} ${meta(p, 'encryption-key-id')}`));
    expect([...keyIds]).toEqual([expect.stringMatching(new RegExp(`^binary/encrypted ${TEST_TENANT}\\.k\\d{8}$`))]);

    const input = toWire(raw.history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!);
    expect(Buffer.from(input.data, 'base64').toString('latin1')).not.toContain('Yara');
    const own = await request(product.app)
      .post('/api/v1/codec/decode')
      .set(await supervisor(TEST_TENANT))
      .send({ payloads: [input] });
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body.payloads[0].data, 'base64').toString()).toContain('Yara Voorbeeld');

    const other = await request(product.app)
      .post('/api/v1/codec/decode')
      .set(await supervisor(OTHER_TENANT))
      .send({ payloads: [input] });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'PAYLOAD_OTHER_MUNICIPALITY', path: '/body/payloads/0' });
    expect(JSON.stringify(other.body)).not.toContain('Yara');
  }, 60_000);
});
