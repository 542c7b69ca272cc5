import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, type SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { CodecKey, CodecKeyRing } from './codec-keys';
import { isTenantCode, parseKeyId, tenantOfWorkflowId, TenantKeys } from './tenant-keys';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const TENANT_METADATA = 'encryption-tenant';
export const COMPRESSION_METADATA = 'encryption-compression';
/** Payloads from this size on are compressed before encryption (a case input carries its ~8 kB definition snapshot). */
const COMPRESS_FROM_BYTES = 512;
/** Inflating stops here: far above Temporal's 2 MB payload limit, far below what would hurt the process. */
const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type CodecErrorCode = 'PAYLOAD_DECRYPT_FAILED' | 'PAYLOAD_OTHER_MUNICIPALITY';

export class CodecError extends Error {
  constructor(
    message: string,
    readonly code: CodecErrorCode = 'PAYLOAD_DECRYPT_FAILED',
  ) {
    super(message);
    this.name = 'CodecError';
  }
}

/** A codec that also serves one municipality alone (the codec endpoint of the Temporal UI). */
export interface TenantScopedCodec extends PayloadCodec {
  forTenant(tenant: string): PayloadCodec;
}

const text = (payload: Payload, key: string): string => Buffer.from(payload.metadata?.[key] ?? []).toString();

/** The municipality a plain JSON payload names at its top level (`tenant`/`tenantId`), e.g. a webhook delivery's input. */
function tenantNamedBy(payload: Payload): string | undefined {
  if (text(payload, METADATA_ENCODING_KEY) !== 'json/plain') return undefined;
  try {
    const value = JSON.parse(Buffer.from(payload.data ?? []).toString('utf8')) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const { tenant, tenantId } = value as { tenant?: unknown; tenantId?: unknown };
    return isTenantCode(tenant) ? tenant : isTenantCode(tenantId) ? tenantId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Associated data of payloads under a municipality's key: the clear metadata that steers
 * decoding (key id, municipality, compression) cannot be changed without the tag failing.
 * Payloads under a ring key (written before keys per municipality) have none.
 */
const associatedData = (keyId: string, tenant: string, compression: string): Buffer =>
  Buffer.from(`doorstroom-payload-v2\u0000${keyId}\u0000${tenant}\u0000${compression}`);

/** The work's result as a promise: a refused payload rejects it, as a throw in an async function would (the codec API is async; the work is not). */
const settled = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

/**
 * AES-256-GCM over whole payloads (data and metadata), so case data, event payloads and results
 * are ciphertext in Temporal's history. A payload of a municipality is encrypted with that
 * municipality's key (tenant-keys.ts): the municipality comes from the workflow the payload
 * belongs to (Temporal's serialization context), else from the payload's own `tenant` field;
 * a payload that names none (a delivery result) takes the ring key. The key id travels in the
 * clear: it selects the key, so rotated-out keys and ring-key payloads still decrypt.
 */
export class EncryptionCodec implements TenantScopedCodec {
  private readonly tenantKeys: TenantKeys;

  constructor(private readonly keys: CodecKeyRing) {
    this.tenantKeys = new TenantKeys(keys);
  }

  encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return settled(() => {
      const fromContext = tenantOfWorkflowId(context?.workflowId);
      return payloads.map((payload) => this.encodeOne(payload, fromContext ?? tenantNamedBy(payload)));
    });
  }

  /**
   * A workflow's payloads must be under its own municipality's key (or a ring key): a payload
   * of another municipality put into a case (a signal through the Temporal UI) is refused.
   */
  decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return settled(() => {
      const expected = tenantOfWorkflowId(context?.workflowId);
      return payloads.map((payload) => this.decodeOne(payload, expected));
    });
  }

  /** Encodes with `tenant`'s key; decodes that municipality's payloads and ring-key payloads, refuses others unread. */
  forTenant(tenant: string): PayloadCodec {
    if (!isTenantCode(tenant)) throw new CodecError(`EncryptionCodec: "${tenant}" is not a municipality code`);
    return {
      encode: (payloads) => settled(() => payloads.map((payload) => this.encodeOne(payload, tenant))),
      decode: (payloads) => settled(() => payloads.map((payload) => this.decodeOne(payload, tenant))),
    };
  }

  private encodeOne(payload: Payload, tenant: string | undefined): Payload {
    const { id, key }: CodecKey = tenant ? this.tenantKeys.encryptionKey(tenant) : this.keys.active;
    const serialized = temporal.api.common.v1.Payload.encode(payload).finish();
    // Compress first: ciphertext does not compress, and smaller histories are faster to write.
    const compression = serialized.length >= COMPRESS_FROM_BYTES ? 'deflate-raw' : '';
    const plain = compression ? deflateRawSync(serialized, { level: 1 }) : serialized;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    if (tenant) cipher.setAAD(associatedData(id, tenant, compression));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(id),
        ...(tenant ? { [TENANT_METADATA]: Buffer.from(tenant) } : {}),
        ...(compression ? { [COMPRESSION_METADATA]: Buffer.from(compression) } : {}),
      },
      data: Buffer.concat([iv, body, cipher.getAuthTag()]),
    };
  }

  private decodeOne(payload: Payload, expectedTenant: string | undefined): Payload {
    if (text(payload, METADATA_ENCODING_KEY) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload, KEY_ID_METADATA);
    const { tenant } = parseKeyId(keyId);
    if (tenant !== (text(payload, TENANT_METADATA) || undefined))
      throw new CodecError(`EncryptionCodec: key id "${keyId}" and municipality metadata disagree`);
    // Checked before any decryption: another municipality's payload is never read, not even in memory.
    if (tenant && expectedTenant && tenant !== expectedTenant)
      throw new CodecError(
        `EncryptionCodec: payload of municipality ${tenant}, not of ${expectedTenant}`,
        'PAYLOAD_OTHER_MUNICIPALITY',
      );
    const key = this.tenantKeys.decryptionKey(keyId);
    if (!key)
      throw new CodecError(`EncryptionCodec: no key "${keyId}" in the key ring; add it back to decrypt this payload`);
    const compression = text(payload, COMPRESSION_METADATA);
    if (compression !== '' && compression !== 'deflate-raw')
      throw new CodecError(`EncryptionCodec: unknown compression "${compression}"`);
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) throw new CodecError('EncryptionCodec: payload too short to be ciphertext');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      if (tenant) decipher.setAAD(associatedData(keyId, tenant, compression));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      const serialized = compression ? inflateRawSync(plain, { maxOutputLength: MAX_INFLATED_BYTES }) : plain;
      return temporal.api.common.v1.Payload.decode(serialized);
    } catch (err) {
      // GCM's tag failing (tampered, wrong key) and a broken inner payload look alike to a caller.
      throw new CodecError(
        `EncryptionCodec: payload under key "${keyId}" does not decrypt (${(err as Error).message})`,
      );
    }
  }
}
