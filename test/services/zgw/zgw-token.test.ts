import { createHmac } from 'node:crypto';
import { zgwToken } from '../../../services/zgw/zgw-token';

const part = (token: string, i: number) =>
  JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('ZGW JWT (VNG Authenticatie & autorisatie)', () => {
  it('is HS256 over the client secret, with iss and client_id the client id, iat now, and the system as user', async () => {
    const now = new Date('2026-11-30T01:00:00Z');
    const token = await zgwToken('doorstroom-gm0363', 'geheim', now);
    const [h, p, sig] = token.split('.');
    expect(part(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(part(token, 1)).toEqual({
      iss: 'doorstroom-gm0363',
      client_id: 'doorstroom-gm0363',
      user_id: 'doorstroom',
      user_representation: 'Doorstroom',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 300,
    });
    expect(sig).toBe(createHmac('sha256', 'geheim').update(`${h}.${p}`).digest('base64url'));
  });

  it('a token signed with another secret does not verify', async () => {
    const token = await zgwToken('c', 'een', new Date());
    const [h, p, sig] = token.split('.');
    expect(sig).not.toBe(createHmac('sha256', 'twee').update(`${h}.${p}`).digest('base64url'));
  });
});
