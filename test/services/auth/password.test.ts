import { generatePassword, hashPassword, verifyPassword } from '../../../services/auth/password';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('geheim wachtwoord', FAST);
    expect(await verifyPassword('geheim wachtwoord', hash)).toBe(true);
    expect(await verifyPassword('geheim wachtwoord ', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('x', FAST)).not.toBe(await hashPassword('x', FAST));
  });

  it('keeps its parameters in the hash, so a cost raised later still verifies old hashes', async () => {
    const old = await hashPassword('oud', FAST);
    expect(old.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('oud', old)).toBe(true);
  });

  it('uses the OWASP cost by default (N=2^17, 128 MiB)', async () => {
    const hash = await hashPassword('standaard');
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword('standaard', hash)).toBe(true);
  });

  it('treats composed and decomposed accents as one password', async () => {
    const hash = await hashPassword('café', FAST);
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });

  it('refuses hashes it does not understand', async () => {
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
  });

  it('generates typeable one-time passwords without look-alikes', () => {
    const p = generatePassword();
    expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(p);
  });
});
