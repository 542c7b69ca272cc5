import { checkPasswordPolicy, commonPasswordReason } from '../../../services/auth/password-policy';
import { ApiError } from '../../../platform/errors';
import { addTenant, createStoreTestApp, login, type StoreTestApp } from '../../support/store-app';
import { createUser } from '../../../services/auth/user-admin';

const codeOf = (password: string, username?: string) => {
  try {
    checkPasswordPolicy(password, { username });
    return 'OK';
  } catch (err) {
    return (err as ApiError).code;
  }
};

describe('password policy (NIST 800-63B: length and a list of common passwords, no composition rules)', () => {
  it.each([
    'aaaaaaaaaaaa',
    'password1234',
    'Password1234!',
    'qwertyuiop12',
    '123456789012',
    'abcdefghijkl',
    'abababababab',
    'welkom2024!!',
    'iloveyou1234',
  ])('refuses %s as too common', (password) => {
    expect(codeOf(password)).toBe('PASSWORD_TOO_COMMON');
  });

  it('refuses a password that is mostly the username or the service', () => {
    expect(codeOf('jan.jansen2026', 'jan.jansen')).toBe('PASSWORD_TOO_COMMON');
    expect(codeOf('doorstroom2026!')).toBe('PASSWORD_TOO_COMMON');
  });

  it('accepts a long passphrase of ordinary words, without asking for digits or capitals', () => {
    for (const p of [
      'fiets lantaarn regen',
      'een lang nieuw wachtwoord',
      'correct horse battery staple',
      'zomeravond aan de waal',
    ])
      expect(codeOf(p)).toBe('OK');
  });

  it('refuses fewer than 12 characters (counted as characters, not bytes) and more than 256', () => {
    expect(codeOf('kort maar k')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('ééééé ëëëëë ü')).not.toBe('PASSWORD_TOO_SHORT');
    expect(codeOf(`${'fiets lantaarn '.repeat(20)}`)).toBe('PASSWORD_TOO_LONG');
  });

  it('says why in Dutch first', () => {
    expect(commonPasswordReason('password1234')).toMatch(/^het staat in een lijst/);
    try {
      checkPasswordPolicy('aaaaaaaaaaaa');
    } catch (err) {
      expect(err).toMatchObject({
        status: 400,
        code: 'PASSWORD_TOO_COMMON',
        path: '/body/newPassword',
        message: expect.stringMatching(/^Dit wachtwoord is te makkelijk te raden/),
      });
    }
  });
});

describe('POST /auth/password applies the policy', () => {
  let t: StoreTestApp;
  beforeAll(async () => {
    t = await createStoreTestApp('sqlite');
    await addTenant(t, 'GM0363');
  });
  afterAll(async () => t.dispose());

  it.each(['aaaaaaaaaaaa', 'password1234'])('answers 400 PASSWORD_TOO_COMMON to %s', async (newPassword) => {
    const admin = {
      tenant: 'GM0363',
      actor: { kind: 'user' as const, id: 'admin', name: 'admin' },
      roles: ['admin' as const],
      permissions: [],
    };
    const username = `nieuw-${newPassword.length}-${newPassword[0]}`;
    const { oneTimePassword } = await createUser(t.deps, admin, { username, roles: ['designer'] });
    const user = await login(t, 'GM0363', username, oneTimePassword);
    const res = await user.post('/auth/password', { currentPassword: oneTimePassword, newPassword });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'PASSWORD_TOO_COMMON', path: '/body/newPassword' });
  });
});
