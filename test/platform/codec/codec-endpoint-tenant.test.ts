import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { defaultPayloadConverter, type Payload, type SerializationContext } from '@temporalio/common';
import { keyRing } from '../../../platform/codec/codec-keys';
import { EncryptionCodec } from '../../../platform/codec/encryption-codec';
import { errorHandler } from '../../../server/error-handler';
import { createCodecRouter } from '../../../server/routes/codec';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';

const A = 'GM0363';
const B = 'GM0344';
const legacy = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'codec', 'legacy-ring-key-payloads.json'), 'utf8'),
) as { ringKey: { id: string; base64: string }; payloads: Array<{ payload: { metadata: Record<string, string> } }> };
// The ring as after a rotation: a new first key, and the key the recorded (old-format) payloads were written with.
const codec = new EncryptionCodec(
  keyRing([
    { id: 'k1', key: Buffer.alloc(32, 7) },
    { id: legacy.ringKey.id, key: Buffer.from(legacy.ringKey.base64, 'base64') },
  ]),
);
const caseOf = (tenant: string): SerializationContext => ({
  type: 'workflow',
  namespace: 'default',
  workflowId: `${tenant}-nareiziger-hotelverblijf-0123456789abcdef01234567`,
});
const toWire = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});
/** A payload as the shared ring key wrote it (no municipality in the workflow id or the payload's top level). */
const ringWire = async (value: unknown) =>
  toWire((await codec.encode([defaultPayloadConverter.toPayload(value)], { ...caseOf(A), workflowId: 'w' }))[0]!);
const caseWire = async (tenant: string, value: unknown) =>
  toWire((await codec.encode([defaultPayloadConverter.toPayload(value)], caseOf(tenant)))[0]!);

describe("codec endpoint decodes only the caller's own municipality's payloads", () => {
  let t: StoreTestApp;
  let app: express.Express;
  const supervisorOf = (tenant: string) =>
    userCaller(t, tenant, `toezicht-${Math.random().toString(36).slice(2, 8)}`, ['supervisor']);
  const decode = (headers: Record<string, string>, payloads: unknown[]) =>
    request(app).post('/api/v1/codec/decode').set(headers).send({ payloads });

  beforeAll(async () => {
    t = await createStoreTestApp('sqlite');
    await addTenant(t, A);
    await addTenant(t, B);
    app = express();
    app.use(express.json({ limit: '4mb' }));
    app.use('/api/v1', createCodecRouter({ auth: t.deps, codec }));
    app.use(errorHandler({ error: () => undefined }));
  });
  afterAll(async () => t.dispose());

  it("refuses a payload under another municipality's key with 403 PAYLOAD_OTHER_MUNICIPALITY; its own decodes", async () => {
    const ofB = await caseWire(B, { data: { name: 'Yara' } });
    const a = await supervisorOf(A);
    const refused = await decode(a.headers, [await caseWire(A, { x: 1 }), ofB]);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'PAYLOAD_OTHER_MUNICIPALITY', path: '/body/payloads/1' });
    expect(JSON.stringify(refused.body)).not.toContain('Yara');
    const b = await supervisorOf(B);
    const own = await decode(b.headers, [ofB]);
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body.payloads[0].data, 'base64').toString()).toContain('Yara');
  });

  it("encodes with the caller's municipality's key", async () => {
    const a = await supervisorOf(A);
    const plain = toWire(defaultPayloadConverter.toPayload({ name: 'Yara' }));
    const res = await request(app)
      .post('/api/v1/codec/encode')
      .set(a.headers)
      .send({ payloads: [plain] });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body.payloads[0].metadata['encryption-key-id'], 'base64').toString()).toBe(`${A}.k1`);
    expect((await decode((await supervisorOf(B)).headers, res.body.payloads)).status).toBe(403);
  });

  it.each([
    ['a case input', { tenant: B, caseId: `${B}-nareiziger-hotelverblijf-1`, data: { name: 'Yara' } }],
    ['a webhook event', { event: { caseId: `${B}-x-2`, type: 'case.started' } }],
  ])(
    'refuses %s of another municipality by its key or, under the shared ring key, by what it names',
    async (_label, foreign) => {
      const a = await supervisorOf(A);
      const other = await decode(a.headers, [await ringWire({ tenant: A }), await ringWire(foreign)]);
      expect(other.status).toBe(403);
      expect(other.body.error).toMatchObject({ code: 'PAYLOAD_OTHER_MUNICIPALITY', path: '/body/payloads/1' });
      expect(JSON.stringify(other.body)).not.toContain('Yara');
    },
  );

  it('decodes payloads written before keys per municipality for their own municipality only', async () => {
    const recorded = legacy.payloads.map((p) => p.payload);
    const own = await decode((await supervisorOf(A)).headers, recorded);
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body.payloads[0].data, 'base64').toString()).toContain('Yara Voorbeeld');
    const other = await decode((await supervisorOf(B)).headers, recorded);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('PAYLOAD_OTHER_MUNICIPALITY');
  });

  it('answers 422 PAYLOAD_DECRYPT_FAILED, not 500, for an altered payload or an unknown key', async () => {
    const a = await supervisorOf(A);
    const good = await caseWire(A, { name: 'Yara' });
    const data = Buffer.from(good.data, 'base64');
    data[14] = (data[14] ?? 0) ^ 1;
    const altered = await decode(a.headers, [{ ...good, data: data.toString('base64') }]);
    expect(altered.status).toBe(422);
    expect(altered.body.error).toMatchObject({ code: 'PAYLOAD_DECRYPT_FAILED', path: '/body/payloads/0' });
    const gone = {
      ...good,
      metadata: { ...good.metadata, 'encryption-key-id': Buffer.from('weg').toString('base64') },
    };
    delete (gone.metadata as Record<string, string>)['encryption-tenant'];
    const unknown = await decode(a.headers, [gone]);
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).not.toContain('weg');
  });
});
