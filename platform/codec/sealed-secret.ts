import type { SecretBox } from './secret-box';

/**
 * A kind of secret the product stores sealed and opens again to sign with (a webhook
 * subscription's HMAC key, a digest's): one purpose, the municipality as associated data. On
 * opening, a value still under an older key of the ring is sealed again under the active one and
 * handed to `reseal`, which stores it only if the row still holds the old value (rotation: add a
 * key in front, and every secret moves to it at its next use; the old key can go once none needs it).
 */
export interface SealedSecretKind {
  readonly purpose: string;
  seal(box: SecretBox, tenant: string, secret: string): string;
  open(
    box: SecretBox,
    tenant: string,
    sealed: string,
    reseal: (fresh: string, old: string) => Promise<unknown>,
  ): Promise<string>;
}

export function sealedSecretKind(purpose: string): SealedSecretKind {
  const seal = (box: SecretBox, tenant: string, secret: string) => box.seal(secret, purpose, tenant);
  return {
    purpose,
    seal,
    async open(box, tenant, sealed, reseal) {
      const secret = box.open(sealed, purpose, tenant);
      if (box.needsReencryption(sealed)) await reseal(seal(box, tenant, secret), sealed);
      return secret;
    },
  };
}
