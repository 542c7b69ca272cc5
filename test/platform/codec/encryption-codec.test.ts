import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { keyRing, parseKeyList } from '../../../platform/codec/codec-keys';
import { CodecError, EncryptionCodec, ENCRYPTED_ENCODING } from '../../../platform/codec/encryption-codec';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('EncryptionCodec (AES-256-GCM)', () => {
  const secret = { name: 'Amina Voorbeeld', bsn: '123456782' };

  it('turns a payload into ciphertext with the key id in its metadata, and back', async () => {
    const codec = new EncryptionCodec(keyRing([key('k1')]));
    const plain = defaultPayloadConverter.toPayload(secret);
    const [encrypted] = await codec.encode([plain]);
    expect(Buffer.from(encrypted!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(encrypted!.metadata!['encryption-key-id']!).toString()).toBe('k1');
    expect(Buffer.from(encrypted!.data!).toString('latin1')).not.toContain('Amina');
    const [decoded] = await codec.decode([encrypted!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(secret);
  });

  it('still decrypts payloads of an old key after rotation; new payloads use the new key', async () => {
    const old = key('k2025');
    const [before] = await new EncryptionCodec(keyRing([old])).encode([defaultPayloadConverter.toPayload(secret)]);
    const rotated = new EncryptionCodec(keyRing([key('k2026'), old]));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([before!]))[0]!)).toEqual(secret);
    const [after] = await rotated.encode([defaultPayloadConverter.toPayload(secret)]);
    expect(Buffer.from(after!.metadata!['encryption-key-id']!).toString()).toBe('k2026');
  });

  it('refuses a payload whose key is gone, and a tampered one', async () => {
    const [enc] = await new EncryptionCodec(keyRing([key('weg')])).encode([defaultPayloadConverter.toPayload(secret)]);
    await expect(new EncryptionCodec(keyRing([key('ander')])).decode([enc!])).rejects.toThrow(CodecError);
    const k = key('k');
    const codec = new EncryptionCodec(keyRing([k]));
    const [good] = await codec.encode([defaultPayloadConverter.toPayload(secret)]);
    const data = Buffer.from(good!.data!);
    data[20] = (data[20] ?? 0) ^ 0xff;
    await expect(codec.decode([{ ...good!, data }])).rejects.toThrow();
  });

  it('compresses large payloads before encrypting them, and still reads uncompressed ones', async () => {
    const codec = new EncryptionCodec(keyRing([key('k')]));
    const large = { definition: 'x'.repeat(8000), naam: 'Amina Voorbeeld' };
    const [enc] = await codec.encode([defaultPayloadConverter.toPayload(large)]);
    expect(Buffer.from(enc!.metadata!['encryption-compression']!).toString()).toBe('deflate-raw');
    expect(enc!.data!.length).toBeLessThan(1000);
    expect(Buffer.from(enc!.data!).toString('latin1')).not.toContain('Amina');
    expect(defaultPayloadConverter.fromPayload((await codec.decode([enc!]))[0]!)).toEqual(large);
    const [small] = await codec.encode([defaultPayloadConverter.toPayload({ a: 1 })]);
    expect(small!.metadata!['encryption-compression']).toBeUndefined();
    expect(defaultPayloadConverter.fromPayload((await codec.decode([small!]))[0]!)).toEqual({ a: 1 });
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
