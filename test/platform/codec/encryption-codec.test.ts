import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultPayloadConverter, type Payload, type SerializationContext } from '@temporalio/common';
import { keyRing, parseKeyList } from '../../../platform/codec/codec-keys';
import { CodecError, EncryptionCodec, ENCRYPTED_ENCODING } from '../../../platform/codec/encryption-codec';

const key = (id: string) => ({ id, key: randomBytes(32) });
const meta = (p: Payload, name: string) => Buffer.from(p.metadata?.[name] ?? []).toString();
const of = (workflowId: string): SerializationContext => ({ type: 'workflow', namespace: 'default', workflowId });
const caseOf = (tenant: string) => of(`${tenant}-nareiziger-hotelverblijf-0123456789abcdef01234567`);
const value = (p: Payload | undefined) => defaultPayloadConverter.fromPayload(p!);

describe('EncryptionCodec (AES-256-GCM)', () => {
  const secret = { name: 'Amina Voorbeeld', bsn: '123456782' };

  it('turns a payload into ciphertext with the key id in its metadata, and back', async () => {
    const codec = new EncryptionCodec(keyRing([key('k1')]));
    const plain = defaultPayloadConverter.toPayload(secret);
    const [encrypted] = await codec.encode([plain]);
    expect(meta(encrypted!, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(encrypted!, 'encryption-key-id')).toBe('k1');
    expect(Buffer.from(encrypted!.data!).toString('latin1')).not.toContain('Amina');
    expect(value((await codec.decode([encrypted!]))[0])).toEqual(secret);
  });

  it('still decrypts payloads of an old key after rotation; new payloads use the new key', async () => {
    const old = key('k2025');
    const [before] = await new EncryptionCodec(keyRing([old])).encode([defaultPayloadConverter.toPayload(secret)]);
    const rotated = new EncryptionCodec(keyRing([key('k2026'), old]));
    expect(value((await rotated.decode([before!]))[0])).toEqual(secret);
    const [after] = await rotated.encode([defaultPayloadConverter.toPayload(secret)]);
    expect(meta(after!, 'encryption-key-id')).toBe('k2026');
  });

  it('refuses a payload whose key is gone, and a tampered one, with a CodecError', async () => {
    const [enc] = await new EncryptionCodec(keyRing([key('weg')])).encode([defaultPayloadConverter.toPayload(secret)]);
    await expect(new EncryptionCodec(keyRing([key('ander')])).decode([enc!])).rejects.toThrow(CodecError);
    const codec = new EncryptionCodec(keyRing([key('k')]));
    const [good] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
    const data = Buffer.from(good!.data!);
    data[20] = (data[20] ?? 0) ^ 0xff;
    await expect(codec.decode([{ ...good!, data }])).rejects.toMatchObject({ code: 'PAYLOAD_DECRYPT_FAILED' });
    await expect(codec.decode([{ ...good!, data: data.subarray(0, 10) }])).rejects.toThrow(CodecError);
  });

  it('compresses large payloads before encrypting them, and still reads uncompressed ones', async () => {
    const codec = new EncryptionCodec(keyRing([key('k')]));
    const large = { definition: 'x'.repeat(8000), naam: 'Amina Voorbeeld' };
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(large)]);
    expect(meta(enc!, 'encryption-compression')).toBe('deflate-raw');
    expect(enc!.data!.length).toBeLessThan(1000);
    expect(Buffer.from(enc!.data!).toString('latin1')).not.toContain('Amina');
    expect(value((await codec.decode([enc!]))[0])).toEqual(large);
    const [small] = await codec.encode([defaultPayloadConverter.toPayload({ a: 1 })]);
    expect(small!.metadata!['encryption-compression']).toBeUndefined();
    expect(value((await codec.decode([small!]))[0])).toEqual({ a: 1 });
  });

  it('leaves payloads that were never encrypted alone', async () => {
    const plain = defaultPayloadConverter.toPayload({ a: 1 });
    expect(await new EncryptionCodec(keyRing([key('k')])).decode([plain])).toEqual([plain]);
  });

  it('parses key lists and rejects keys of the wrong size', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(parseKeyList(`a:${b64}, b:${b64}`, 'test').map((k) => k.id)).toEqual(['a', 'b']);
    expect(() => parseKeyList(`a:${randomBytes(16).toString('base64')}`, 'test')).toThrow(/32/);
    expect(() => parseKeyList('zonder-sleutel', 'test')).toThrow(/keyId:base64key/);
  });
});

describe('EncryptionCodec: a key per municipality', () => {
  const secret = { name: 'Yara Voorbeeld' };
  const k1 = key('k1');
  const codec = new EncryptionCodec(keyRing([k1]));

  it("encrypts a case's payloads with its municipality's key, named in the key id and the metadata", async () => {
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(secret)], caseOf('GM0363'));
    expect(meta(enc!, 'encryption-key-id')).toBe('GM0363.k1');
    expect(meta(enc!, 'encryption-tenant')).toBe('GM0363');
    expect(value((await codec.decode([enc!], caseOf('GM0363')))[0])).toEqual(secret);
    expect(value((await codec.forTenant('GM0363').decode([enc!]))[0])).toEqual(secret);
    // Activities, children and the digest carry their municipality the same way.
    const activity: SerializationContext = {
      type: 'activity',
      namespace: 'default',
      workflowId: caseOf('GM0344').workflowId,
      isLocal: true,
    };
    const [fromActivity] = await codec.encode([defaultPayloadConverter.toPayload(secret)], activity);
    expect(meta(fromActivity!, 'encryption-key-id')).toBe('GM0344.k1');
    const [digest] = await codec.encode([defaultPayloadConverter.toPayload(1)], of('deadline-digest-GM0344-manual-x'));
    expect(meta(digest!, 'encryption-key-id')).toBe('GM0344.k1');
  });

  it('takes the municipality from the payload when the workflow id names none, else the ring key', async () => {
    const delivery = { deliveryId: 'd1', tenant: 'GM0344', event: { data: secret } };
    const [a] = await codec.encode([defaultPayloadConverter.toPayload(delivery)], of('webhook-s1-e1'));
    expect(meta(a!, 'encryption-key-id')).toBe('GM0344.k1');
    const [b] = await codec.encode([defaultPayloadConverter.toPayload({ tenantId: 'GM0363' })]);
    expect(meta(b!, 'encryption-key-id')).toBe('GM0363.k1');
    const [c] = await codec.encode([defaultPayloadConverter.toPayload({ status: 'delivered' })], of('webhook-s1-e1'));
    expect(meta(c!, 'encryption-key-id')).toBe('k1');
    expect(c!.metadata!['encryption-tenant']).toBeUndefined();
  });

  it("encrypts a delivery's result with the municipality's key when the delivery's workflow id names it", async () => {
    const id = 'webhook-GM0344-0f8e2a4c-1b7d-4e3a-9c5f-2d6b8a1e4f70-evt_0123';
    const [result] = await codec.encode([defaultPayloadConverter.toPayload({ status: 'delivered' })], of(id));
    expect(meta(result!, 'encryption-key-id')).toBe('GM0344.k1');
    expect(meta(result!, 'encryption-tenant')).toBe('GM0344');
    await expect(codec.forTenant('GM0363').decode([result!])).rejects.toMatchObject({
      code: 'PAYLOAD_OTHER_MUNICIPALITY',
    });
    const [back] = await codec.forTenant('GM0344').decode([result!]);
    expect(defaultPayloadConverter.fromPayload(back!)).toEqual({ status: 'delivered' });
  });

  it("refuses another municipality's payload unread, in the codec for one municipality and in a workflow's context", async () => {
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(secret)], caseOf('GM0344'));
    await expect(codec.forTenant('GM0363').decode([enc!])).rejects.toMatchObject({
      code: 'PAYLOAD_OTHER_MUNICIPALITY',
    });
    await expect(codec.decode([enc!], caseOf('GM0363'))).rejects.toMatchObject({ code: 'PAYLOAD_OTHER_MUNICIPALITY' });
    expect(() => codec.forTenant('../GM0363')).toThrow(CodecError);
  });

  it('cannot be relabelled: another municipality in the metadata, or a changed compression flag, fails decryption', async () => {
    const [enc] = await codec.encode(
      [defaultPayloadConverter.toPayload({ ...secret, pad: 'x'.repeat(600) })],
      caseOf('GM0344'),
    );
    const relabelled = {
      ...enc!,
      metadata: {
        ...enc!.metadata,
        'encryption-key-id': Buffer.from('GM0363.k1'),
        'encryption-tenant': Buffer.from('GM0363'),
      },
    };
    await expect(codec.forTenant('GM0363').decode([relabelled])).rejects.toMatchObject({
      code: 'PAYLOAD_DECRYPT_FAILED',
    });
    const halfRelabelled = { ...enc!, metadata: { ...enc!.metadata, 'encryption-tenant': Buffer.from('GM0363') } };
    await expect(codec.decode([halfRelabelled])).rejects.toThrow(/disagree/);
    const { 'encryption-compression': _dropped, ...uncompressed } = enc!.metadata!;
    await expect(codec.decode([{ ...enc!, metadata: uncompressed }])).rejects.toMatchObject({
      code: 'PAYLOAD_DECRYPT_FAILED',
    });
  });

  it('a municipality payload encrypted by one ring decrypts only where the same ring key is', async () => {
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(secret)], caseOf('GM0363'));
    await expect(new EncryptionCodec(keyRing([key('k1')])).decode([enc!])).rejects.toMatchObject({
      code: 'PAYLOAD_DECRYPT_FAILED',
    });
    const rotated = new EncryptionCodec(keyRing([key('k2'), k1]));
    expect(value((await rotated.decode([enc!], caseOf('GM0363')))[0])).toEqual(secret);
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(secret)], caseOf('GM0363'));
    expect(meta(fresh!, 'encryption-key-id')).toBe('GM0363.k2');
  });
});

describe('EncryptionCodec: payloads written before keys per municipality', () => {
  const fixture = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'codec', 'legacy-ring-key-payloads.json'), 'utf8'),
  ) as {
    ringKey: { id: string; base64: string };
    payloads: Array<{ value: unknown; payload: { metadata: Record<string, string>; data: string } }>;
  };
  const ring = keyRing([
    { id: 'k2027', key: randomBytes(32) },
    { id: fixture.ringKey.id, key: Buffer.from(fixture.ringKey.base64, 'base64') },
  ]);
  const wire = (p: { metadata: Record<string, string>; data: string }): Payload => ({
    metadata: Object.fromEntries(Object.entries(p.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data, 'base64'),
  });

  it.each(fixture.payloads.map((p, i) => [i, p] as const))(
    'decode (recorded payload %i), in a workflow of their municipality and for one municipality',
    async (_i, { value: expected, payload }) => {
      const codec = new EncryptionCodec(ring);
      expect(value((await codec.decode([wire(payload)]))[0])).toEqual(expected);
      expect(value((await codec.decode([wire(payload)], caseOf('GM0363')))[0])).toEqual(expected);
      expect(value((await codec.forTenant('GM0363').decode([wire(payload)]))[0])).toEqual(expected);
    },
  );
});
