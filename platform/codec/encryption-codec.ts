import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { CodecKeyRing } from './codec-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const COMPRESSION_METADATA = 'encryption-compression';
/** Payloads from this size on are compressed before encryption (a case input carries its ~8 kB definition snapshot). */
const COMPRESS_FROM_BYTES = 512;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CodecError extends Error {
  readonly code = 'PAYLOAD_DECRYPT_FAILED';
}

/**
 * AES-256-GCM over whole payloads (data and metadata), so case data, event payloads and results
 * are ciphertext in Temporal's history. The key id travels in the clear in the metadata: it
 * selects the key, so rotated-out keys still decrypt old histories.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: CodecKeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys.active;
    return payloads.map((payload) => {
      const serialized = temporal.api.common.v1.Payload.encode(payload).finish();
      // Compress first: ciphertext does not compress, and smaller histories are faster to write.
      const compressed = serialized.length >= COMPRESS_FROM_BYTES;
      const plain = compressed ? deflateRawSync(serialized, { level: 1 }) : serialized;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: Buffer.from(id),
          ...(compressed ? { [COMPRESSION_METADATA]: Buffer.from('deflate-raw') } : {}),
        },
        data: Buffer.concat([iv, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? []).toString() !== ENCRYPTED_ENCODING)
        return payload;
      const keyId = Buffer.from(payload.metadata?.[KEY_ID_METADATA] ?? []).toString();
      const key = this.keys.byId.get(keyId);
      if (!key)
        throw new CodecError(`EncryptionCodec: no key "${keyId}" in the key ring; add it back to decrypt this payload`);
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      const compression = Buffer.from(payload.metadata?.[COMPRESSION_METADATA] ?? []).toString();
      if (compression !== '' && compression !== 'deflate-raw')
        throw new CodecError(`EncryptionCodec: unknown compression "${compression}"`);
      return temporal.api.common.v1.Payload.decode(compression ? inflateRawSync(plain) : plain);
    });
  }
}
