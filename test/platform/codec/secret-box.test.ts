import { randomBytes } from 'node:crypto';
import { keyRing } from '../../../platform/codec/codec-keys';
import { secretBox, SecretBoxError } from '../../../platform/codec/secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('secret box (secrets at rest with the key ring)', () => {
  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const box = secretBox(keyRing([key('k1')]));
    const sealed = box.seal('client-secret-123', 'oidc-client-secret', 'GM0363');
    expect(sealed).not.toContain('client-secret-123');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(box.open(sealed, 'oidc-client-secret', 'GM0363')).toBe('client-secret-123');
  });

  it('does not open for another municipality or another purpose', () => {
    const box = secretBox(keyRing([key('k1')]));
    const sealed = box.seal('s', 'oidc-client-secret', 'GM0363');
    expect(() => box.open(sealed, 'oidc-client-secret', 'GM0344')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'oidc-refresh-token', 'GM0363')).toThrow(SecretBoxError);
  });

  it('keeps opening under an older key after rotation, and says it needs re-encryption', () => {
    const old = key('k1');
    const sealed = secretBox(keyRing([old])).seal('s', 'p', 'GM0363');
    const rotated = secretBox(keyRing([key('k2'), old]));
    expect(rotated.open(sealed, 'p', 'GM0363')).toBe('s');
    expect(rotated.needsReencryption(sealed)).toBe(true);
    expect(rotated.needsReencryption(rotated.seal('s', 'p', 'GM0363'))).toBe(false);
    expect(() => secretBox(keyRing([key('k3')])).open(sealed, 'p', 'GM0363')).toThrow(/not in the key ring/);
  });
});
