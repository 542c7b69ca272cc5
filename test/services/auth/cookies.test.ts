import { clearedCookie, readCookie, sessionCookie } from '../../../services/auth/cookies';

describe('cookies', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; doorstroom_session=abc%3D; b=2', 'doorstroom_session')).toBe('abc=');
    expect(readCookie('a=1', 'doorstroom_session')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
    expect(readCookie('x=%E0%A4%A', 'x')).toBeUndefined();
  });

  it('writes an httpOnly, SameSite=Strict, optionally Secure cookie', () => {
    expect(sessionCookie('s', 'v', { secure: true, maxAgeMs: 3_600_000 })).toBe(
      's=v; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600',
    );
    expect(clearedCookie('s', false)).toBe('s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });
});
