import request from 'supertest';
import { hashPassword } from '../../services/auth/password';
import { insertUser } from '../../services/auth/users';
import { startProduct, TEST_TENANT, type RunningProduct } from '../support/runtime';
import { uniqueId } from '../support/factories';

describe('codec endpoint for the Temporal UI', () => {
  let product: RunningProduct;
  beforeAll(async () => {
    product = await startProduct();
  }, 90_000);
  afterAll(async () => product?.stop(), 30_000);

  async function session(username: string, roles: Array<'supervisor' | 'designer'>) {
    const password = 'een-lang-test-wachtwoord-2026';
    await insertUser(
      product.product.store.db,
      {
        tenantId: TEST_TENANT,
        username,
        roles,
        passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }),
        mustChangePassword: false,
      },
      new Date().toISOString(),
    );
    const login = await request(product.app)
      .post('/api/v1/auth/login')
      .send({ tenant: TEST_TENANT, username, password });
    return { Cookie: String(login.get('Set-Cookie')?.[0]).split(';')[0] as string };
  }

  it('decrypts a case input from the raw history for a supervisor, and for nobody else', async () => {
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
    const raw = await product.runtime.client.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId: started.body.caseId },
    });
    const payload = raw.history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const body = {
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(payload?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
          ),
          data: Buffer.from(payload?.data ?? []).toString('base64'),
        },
      ],
    };
    expect(Buffer.from(body.payloads[0]!.data, 'base64').toString('latin1')).not.toContain('Yara');

    const supervisor = await session('toezicht', ['supervisor']);
    const decoded = await request(product.app).post('/api/v1/codec/decode').set(supervisor).send(body);
    expect(decoded.status).toBe(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toContain('Yara Voorbeeld');

    expect((await request(product.app).post('/api/v1/codec/decode').send(body)).status).toBe(401);
    expect((await request(product.app).post('/api/v1/codec/decode').set(product.auth).send(body)).status).toBe(403);
    const designer = await session('ontwerper', ['designer']);
    expect((await request(product.app).post('/api/v1/codec/decode').set(designer).send(body)).status).toBe(403);
  });

  it('takes Temporal payloads as they are (metadata, data) and refuses anything else with a coded 400', async () => {
    const supervisor = await session('toezicht-vorm', ['supervisor']);
    const plain = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('{"stap":"hotel"}').toString('base64'),
    };
    const encoded = await request(product.app)
      .post('/api/v1/codec/encode')
      .set(supervisor)
      .send({ payloads: [plain, { metadata: plain.metadata }, {}] });
    expect(encoded.status).toBe(200);
    expect(encoded.body.payloads).toHaveLength(3);
    for (const p of encoded.body.payloads) expect(Object.keys(p).sort()).toEqual(['data', 'metadata']);

    for (const [extra, path] of [
      [{ ...plain, externalPayloads: [] }, '/body/payloads/0/externalPayloads'],
      [{ ...plain, tenant: 'GM9999' }, '/body/payloads/0/tenant'],
    ] as const) {
      const refused = await request(product.app)
        .post('/api/v1/codec/decode')
        .set(supervisor)
        .send({ payloads: [extra] });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path });
    }
    const tooManyKeys = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'AA==']));
    const refused = await request(product.app)
      .post('/api/v1/codec/decode')
      .set(supervisor)
      .send({ payloads: [{ metadata: tooManyKeys, data: '' }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', path: '/body/payloads/0/metadata' });
  });
});
