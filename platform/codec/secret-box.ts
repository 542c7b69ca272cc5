import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { CodecKeyRing } from './codec-keys';

/**
 * Secrets the product must use again (an identity provider's client secret, a refresh token),
 * encrypted at rest with the product's key ring: AES-256-GCM under a key derived per purpose
 * (HKDF-SHA256, so the payload key itself never encrypts anything else), bound to the
 * municipality by the associated data (a ciphertext copied to another municipality's row does
 * not open). The first key of the ring encrypts, every key decrypts: rotation is adding a key
 * in front; `needsReencryption` tells when a stored value is under an older key.
 */
export class SecretBoxError extends Error {
  readonly code = 'SECRET_UNREADABLE';
}

const VERSION = 'v1';

function derive(ringKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ringKey, Buffer.alloc(0), `doorstroom-secret:${purpose}`, 32));
}

export interface SecretBox {
  seal(plain: string, purpose: string, tenant: string): string;
  open(sealed: string, purpose: string, tenant: string): string;
  needsReencryption(sealed: string): boolean;
}

export function secretBox(ring: CodecKeyRing): SecretBox {
  return {
    seal(plain, purpose, tenant) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', derive(ring.active.key, purpose), iv);
      cipher.setAAD(Buffer.from(`${purpose}|${tenant}`));
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const b = (x: Buffer) => x.toString('base64url');
      return [VERSION, ring.active.id, b(iv), b(cipher.getAuthTag()), b(ct)].join('.');
    },
    open(sealed, purpose, tenant) {
      const [version, keyId, iv, tag, ct] = sealed.split('.');
      const key = keyId ? ring.byId.get(keyId) : undefined;
      if (version !== VERSION || !key || !iv || !tag || ct === undefined)
        throw new SecretBoxError(`SecretBox: unknown format or key "${keyId ?? ''}" (not in the key ring)`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', derive(key, purpose), Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(`${purpose}|${tenant}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError(`SecretBox: ${purpose} of ${tenant} does not decrypt (wrong key or municipality)`);
      }
    },
    needsReencryption(sealed) {
      return sealed.split('.')[1] !== ring.active.id;
    },
  };
}
