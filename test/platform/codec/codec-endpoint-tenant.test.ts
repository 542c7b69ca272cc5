import express from 'express';
import request from 'supertest';
import { defaultPayloadConverter } from '@temporalio/common';
import { keyRing } from '../../../platform/codec/codec-keys';
import { EncryptionCodec } from '../../../platform/codec/encryption-codec';
import { errorHandler } from '../../../server/error-handler';
import { createCodecRouter } from '../../../server/routes/codec';
import { addTenant, createStoreTestApp, userCaller, type StoreTestApp } from '../../support/store-app';

const A = 'GM0363';
const B = 'GM0344';
const codec = new EncryptionCodec(keyRing([{ id: 'k1', key: Buffer.alloc(32, 7) }]));
const wire = async (value: unknown) => {
  const [p] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  return {
    metadata: Object.fromEntries(
      Object.entries(p!.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    data: Buffer.from(p!.data ?? []).toString('base64'),
  };
};

describe("codec endpoint decodes only the caller's own municipality's payloads", () => {
  let t: StoreTestApp;
  let app: express.Express;
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

  it.each([
    ['a case input', { tenant: B, caseId: `${B}-nareiziger-hotelverblijf-1`, data: { name: 'Yara' } }],
    ['a webhook event', { event: { caseId: `${B}-x-2`, type: 'case.started' } }],
    ['a delivery input', { tenant: B, deliveryId: 'd' }],
  ])('refuses %s of another municipality with 404 NOT_FOUND, and decodes one of its own', async (_label, foreign) => {
    const supervisor = await userCaller(t, A, `toezicht-${Math.random().toString(36).slice(2, 8)}`, ['supervisor']);
    const other = await request(app)
      .post('/api/v1/codec/decode')
      .set(supervisor.headers)
      .send({ payloads: [await wire({ tenant: A }), await wire(foreign)] });
    expect(other.status).toBe(404);
    expect(other.body.error).toMatchObject({ code: 'NOT_FOUND', path: '/body/payloads/1' });
    expect(JSON.stringify(other.body)).not.toContain('Yara');
    const own = await request(app)
      .post('/api/v1/codec/decode')
      .set(supervisor.headers)
      .send({ payloads: [await wire({ tenant: A, caseId: `${A}-y-1`, data: { name: 'Yara' } })] });
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body.payloads[0].data, 'base64').toString()).toContain('Yara');
  });
});
