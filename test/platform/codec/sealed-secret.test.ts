import { randomBytes } from 'node:crypto';
import { keyRing } from '../../../platform/codec/codec-keys';
import { sealedSecretKind } from '../../../platform/codec/sealed-secret';
import { secretBox, SecretBoxError } from '../../../platform/codec/secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });
const kind = sealedSecretKind('webhook-secret');

describe('a sealed secret kind (webhook and digest secrets)', () => {
  it('seals under its purpose and the municipality, and opens without resealing under the active key', async () => {
    const box = secretBox(keyRing([key('k1')]));
    const sealed = kind.seal(box, 'GM0363', 'hmac-key');
    expect(sealed).not.toContain('hmac-key');
    expect(box.open(sealed, 'webhook-secret', 'GM0363')).toBe('hmac-key');
    const reseal = jest.fn(() => Promise.resolve());
    expect(await kind.open(box, 'GM0363', sealed, reseal)).toBe('hmac-key');
    expect(reseal).not.toHaveBeenCalled();
  });

  it('opens a secret under an older ring key and hands its reseal the value under the active key, with the old one', async () => {
    const old = key('k1');
    const sealed = kind.seal(secretBox(keyRing([old])), 'GM0363', 'hmac-key');
    const rotated = secretBox(keyRing([key('k2'), old]));
    const reseal = jest.fn((_fresh: string, _old: string) => Promise.resolve());
    expect(await kind.open(rotated, 'GM0363', sealed, reseal)).toBe('hmac-key');
    expect(reseal).toHaveBeenCalledTimes(1);
    const [fresh, before] = reseal.mock.calls[0]!;
    expect(before).toBe(sealed);
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(rotated.open(fresh, 'webhook-secret', 'GM0363')).toBe('hmac-key');
  });

  it("does not open another municipality's or another kind's secret", async () => {
    const box = secretBox(keyRing([key('k1')]));
    const sealed = kind.seal(box, 'GM0363', 'hmac-key');
    const reseal = () => Promise.resolve();
    await expect(kind.open(box, 'GM0344', sealed, reseal)).rejects.toThrow(SecretBoxError);
    await expect(sealedSecretKind('alert-digest-secret').open(box, 'GM0363', sealed, reseal)).rejects.toThrow(
      SecretBoxError,
    );
  });
});
