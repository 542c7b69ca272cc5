import * as passwords from '../../../services/auth/password';
import { login } from '../../../services/auth/login';
import { authConfig } from '../../../services/auth/config';
import type { AuthDeps } from '../../../services/auth/deps';
import { ApiError } from '../../../platform/errors';
import {
  addTenant,
  addUser,
  createStoreTestApp,
  TEST_PASSWORD,
  TEST_SCRYPT,
  type StoreTestApp,
} from '../../support/store-app';

const GM = 'GM0363';

/** The code of a login's answer: OK, LOGIN_FAILED or LOGIN_THROTTLED. */
async function attempt(deps: AuthDeps, username: string, password: string, clientAddress: string): Promise<string> {
  try {
    await login(deps, { tenant: GM, username, password, clientAddress });
    return 'OK';
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
}

describe('login limits (sliding windows in the store, no lock a stranger can set off)', () => {
  let t: StoreTestApp;
  let deps: AuthDeps;
  beforeEach(async () => {
    t = await createStoreTestApp('sqlite');
    await addTenant(t, GM);
    await addUser(t, GM, 'jan', ['designer']);
    deps = t.deps;
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await t.dispose();
  });

  it('limits failures per client address over all usernames; another address is not affected', async () => {
    const limit = deps.config.loginLimits.perAddress;
    for (let i = 0; i < limit; i++)
      expect(await attempt(deps, `gok-${i}`, 'fout fout fout', '203.0.113.7')).toBe('LOGIN_FAILED');
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('LOGIN_THROTTLED');
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '198.51.100.1')).toBe('OK');
    // The window slides: 15 minutes later the address may try again.
    t.clock.advance(deps.config.loginLimits.windowMs + 1);
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('OK');
  });

  it('slows down a username from the failing address only, doubling the wait; the user at another address signs in', async () => {
    for (let i = 0; i < 3; i++) expect(await attempt(deps, 'jan', `fout-${i}`, '203.0.113.7')).toBe('LOGIN_FAILED');
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('LOGIN_THROTTLED');
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '198.51.100.1')).toBe('OK');
    t.clock.advance(1_000);
    expect(await attempt(deps, 'jan', 'fout-3', '203.0.113.7')).toBe('LOGIN_FAILED');
    t.clock.advance(1_000);
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('LOGIN_THROTTLED');
    t.clock.advance(1_000);
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('OK');
  });

  it('a distributed attack on one username stops each attacking address, not the user', async () => {
    const { perUsername } = deps.config.loginLimits;
    for (let i = 0; i < perUsername; i++)
      expect(await attempt(deps, 'jan', `gok-${i}`, `10.9.${i >> 8}.${i & 255}`)).toBe('LOGIN_FAILED');
    t.clock.advance(10_000);
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '10.9.0.1')).toBe('LOGIN_THROTTLED');
    expect(await attempt(deps, 'jan', TEST_PASSWORD, '192.0.2.44')).toBe('OK');
  });

  it('shares the counts between replicas through the store', async () => {
    const other: AuthDeps = {
      store: deps.store,
      clock: deps.clock,
      config: authConfig({ scrypt: TEST_SCRYPT, cookieSecure: false }),
    };
    for (let i = 0; i < 3; i++) expect(await attempt(deps, 'jan', `fout-${i}`, '203.0.113.7')).toBe('LOGIN_FAILED');
    expect(await attempt(other, 'jan', TEST_PASSWORD, '203.0.113.7')).toBe('LOGIN_THROTTLED');
  });

  it('checks exactly one password hash per try, whether the municipality or user exists, is disabled or locked', async () => {
    const spy = jest.spyOn(passwords, 'verifyPassword');
    await addUser(t, GM, 'uit', ['designer']);
    await t.deps.store.db
      .updateTable('users')
      .set({ disabled_at: t.clock().toISOString() })
      .where('username', '=', 'uit')
      .execute();
    await addUser(t, GM, 'dicht', ['designer']);
    await t.deps.store.db
      .updateTable('users')
      .set({ locked_until: new Date(t.clock().getTime() + 3_600_000).toISOString() })
      .where('username', '=', 'dicht')
      .execute();
    const tries: Array<[string, string, string]> = [
      ['jan', 'fout wachtwoord', 'a'],
      ['niemand', TEST_PASSWORD, 'b'],
      ['uit', TEST_PASSWORD, 'c'],
      ['dicht', TEST_PASSWORD, 'd'],
    ];
    for (const [username, password, address] of tries) {
      spy.mockClear();
      expect(await attempt(deps, username, password, address)).toBe('LOGIN_FAILED');
      expect({ username, hashes: spy.mock.calls.length }).toEqual({ username, hashes: 1 });
    }
    spy.mockClear();
    await expect(
      login(deps, { tenant: 'GM9999', username: 'jan', password: TEST_PASSWORD, clientAddress: 'e' }),
    ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('answers an unknown user about as slowly as a wrong password (ratio of medians, memory-hard cost)', async () => {
    const slow: AuthDeps = { ...deps, config: authConfig({ scrypt: { N: 2 ** 14, r: 8, p: 1 }, cookieSecure: false }) };
    const hash = await passwords.hashPassword(TEST_PASSWORD, slow.config.scrypt);
    await t.deps.store.db.updateTable('users').set({ password_hash: hash }).where('username', '=', 'jan').execute();
    const median = async (username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = process.hrtime.bigint();
        await attempt(slow, username, `fout-${i}`, `192.0.2.${username.length * 10 + i}`);
        times.push(Number(process.hrtime.bigint() - start));
      }
      return times.sort((a, b) => a - b)[3]!;
    };
    await median('jan');
    const known = await median('jan');
    const unknown = await median('niemand-hier');
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('lets at most three logins of one address hash at once in a replica', async () => {
    const spy = jest.spyOn(passwords, 'verifyPassword');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(deps, `gok-${i}`, 'fout fout fout', '203.0.113.9')),
    );
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a === 'LOGIN_THROTTLED').length).toBeGreaterThanOrEqual(9);
  });
});
